package fr.dataterritoires.roadmaps.domain.governance;

import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

import fr.dataterritoires.platform.errors.rules.Checks;
import fr.dataterritoires.platform.errors.rules.RuleViolation;

/** One member's seat with one role, from {@code joinedOn} to {@code leftOn} (null while active). Never deleted. */
public final class Membership {

    private final UUID id;
    private final Member member;
    private final MemberRole role;
    private final LocalDate joinedOn;
    private LocalDate leftOn;

    public Membership(UUID id, Member member, MemberRole role, LocalDate joinedOn, LocalDate leftOn) {
        this.id = Objects.requireNonNull(id, "id");
        this.member = Checks.notNull(member, "member");
        this.role = Checks.notNull(role, "role");
        this.joinedOn = Checks.notNull(joinedOn, "joinedOn");
        if (leftOn != null && leftOn.isBefore(joinedOn)) {
            throw RuleViolation.invalid("leftOn", "La date de départ (leftOn) précède la date d'arrivée.");
        }
        this.leftOn = leftOn;
    }

    void end(LocalDate on) {
        Checks.notNull(on, "leftOn");
        if (leftOn != null) {
            throw new RuleViolation.StateConflict("membre.deja-parti",
                    "Ce membre a déjà quitté l'instance le " + leftOn + ".");
        }
        if (on.isBefore(joinedOn)) {
            throw RuleViolation.invalid("leftOn", "La date de départ (leftOn) précède la date d'arrivée ("
                    + joinedOn + ").");
        }
        this.leftOn = on;
    }

    public boolean isActiveOn(LocalDate day) {
        return !joinedOn.isAfter(day) && (leftOn == null || leftOn.isAfter(day));
    }

    public boolean isActive() {
        return leftOn == null;
    }

    public UUID id() {
        return id;
    }

    public Member member() {
        return member;
    }

    public MemberRole role() {
        return role;
    }

    public LocalDate joinedOn() {
        return joinedOn;
    }

    public LocalDate leftOn() {
        return leftOn;
    }
}
