package fr.dataterritoires.exchanges.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import fr.dataterritoires.platform.errors.rules.RuleViolation;

/**
 * Someone the service knows as a person (an agent who applies or enrols, an elected official who enrols): the only
 * aggregate holding an identity. Minimal: the token's subject, a name, a professional e-mail, an optional category.
 * Erasure empties all of it and the statistics key, leaving an anonymous tombstone that keeps the foreign keys.
 */
public final class Person {

    private final UUID id;
    private String subject;
    private String name;
    private String email;
    private String category;
    private UUID statisticsKey;
    private Instant lastActivityAt;
    private final Instant createdAt;
    private Instant erasedAt;

    public Person(UUID id, String subject, String name, String email, String category, UUID statisticsKey,
                  Instant lastActivityAt, Instant createdAt, Instant erasedAt) {
        this.id = Objects.requireNonNull(id);
        this.subject = subject;
        this.name = name;
        this.email = email;
        this.category = category;
        this.statisticsKey = statisticsKey;
        this.lastActivityAt = lastActivityAt;
        this.createdAt = createdAt;
        this.erasedAt = erasedAt;
    }

    public static Person register(UUID id, String subject, String name, String email, String category, Instant now) {
        Person p = new Person(id, Objects.requireNonNull(subject), null, null, null, UUID.randomUUID(), now, now,
                null);
        p.update(name, email, category, now);
        return p;
    }

    /** The identity given with the latest application or enrolment. */
    public void update(String name, String email, String category, Instant now) {
        if (erasedAt != null) {
            throw new IllegalStateException("an erased person is not updated");
        }
        if (name == null || name.isBlank()) {
            throw RuleViolation.invalid("agent.name", "le nom est obligatoire");
        }
        if (email == null || !email.matches("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$")) {
            throw RuleViolation.invalid("agent.email", "adresse électronique professionnelle attendue");
        }
        this.name = name.strip();
        this.email = email.strip();
        this.category = category == null || category.isBlank() ? null : category.strip();
        this.lastActivityAt = now;
    }

    public void touch(Instant now) {
        lastActivityAt = now;
    }

    public void erase(Instant now) {
        subject = null;
        name = null;
        email = null;
        category = null;
        statisticsKey = null;
        erasedAt = now;
    }

    /** The actor recorded in the audit trail for this person: an identifier, never the token subject or a name. */
    public String auditActor() {
        return "person:" + id;
    }

    public UUID id() { return id; }
    public String subject() { return subject; }
    public String name() { return name; }
    public String email() { return email; }
    public String category() { return category; }
    public UUID statisticsKey() { return statisticsKey; }
    public Instant lastActivityAt() { return lastActivityAt; }
    public Instant createdAt() { return createdAt; }
    public Instant erasedAt() { return erasedAt; }
}
