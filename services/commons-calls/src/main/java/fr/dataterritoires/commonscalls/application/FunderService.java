package fr.dataterritoires.commonscalls.application;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import fr.dataterritoires.commonscalls.domain.Funder;
import fr.dataterritoires.commonscalls.domain.Money;
import fr.dataterritoires.commonscalls.domain.Programme;
import fr.dataterritoires.platform.audit.AuditTrail;
import fr.dataterritoires.platform.errors.ConflictException;
import fr.dataterritoires.platform.errors.rules.RuleViolation;
import fr.dataterritoires.platform.security.DtPrincipal;
import fr.dataterritoires.platform.security.Ownership;
import fr.dataterritoires.platform.security.Role;
import fr.dataterritoires.territory.Siren;

/**
 * Funders and their programmes. A funder registers its own organisation (the SIREN of its token); a national
 * coordinator may register any. Programmes (with their préciput rate) are added by their funder or a coordinator.
 * Anyone reads them.
 */
@Service
public class FunderService {

    private final Funders funders;
    private final AuditTrail audit;

    public FunderService(Funders funders, AuditTrail audit) {
        this.funders = funders;
        this.audit = audit;
    }

    @Transactional
    public Funder register(DtPrincipal actor, String sirenInput, String name) {
        Ownership.requireAnyRole(actor, Role.FUNDER, Role.NATIONAL_COORDINATOR);
        Siren siren = sirenInput == null && actor.hasRole(Role.FUNDER) && actor.siren() != null
                ? new Siren(actor.siren()) : siren("siren", sirenInput);
        if (!actor.hasRole(Role.NATIONAL_COORDINATOR)) {
            Ownership.requireSiren(actor, Role.FUNDER, siren.value());
        }
        if (funders.bySiren(siren).isPresent()) {
            throw new ConflictException("Le financeur de SIREN " + siren + " est déjà enregistré.");
        }
        Funder funder = new Funder(UUID.randomUUID(), siren, name);
        funders.insert(funder);
        audit.record(actor.subject(), "funder.registered", "Funder", funder.id().toString(), null,
                Map.of("siren", siren.value(), "name", funder.name()));
        return funder;
    }

    @Transactional
    public Programme addProgramme(DtPrincipal actor, UUID funderId, String name, BigDecimal rate) {
        Funder funder = get(funderId);
        requireFunderOrCoordinator(actor, funder);
        Programme programme = new Programme(UUID.randomUUID(), funder.id(), name, rate);
        if (funders.programmesOf(funderId).stream().anyMatch(p -> p.name().equals(programme.name()))) {
            throw new ConflictException("Le financeur a déjà un programme nommé « " + programme.name() + " ».");
        }
        funders.insert(programme);
        audit.record(actor.subject(), "programme.created", "Programme", programme.id().toString(), null,
                Map.of("funder", funderId.toString(), "name", programme.name(),
                        "preciputRate", programme.preciputRate().toPlainString()));
        return programme;
    }

    @Transactional(readOnly = true)
    public Funder get(UUID id) {
        return funders.find(id).orElseThrow(() -> new RuleViolation.NotFound("Le financeur " + id + " est introuvable."));
    }

    @Transactional(readOnly = true)
    public List<Funder> list(Siren sirenOrNull, int limit, int offset) {
        if (sirenOrNull != null) {
            // at most one funder per SIREN: the page holds it, or nothing beyond the first row
            return offset > 0 ? List.of() : funders.bySiren(sirenOrNull).stream().toList();
        }
        return funders.page(limit, offset);
    }

    @Transactional(readOnly = true)
    public List<Programme> programmes(UUID funderId) {
        get(funderId);
        return funders.programmesOf(funderId);
    }

    @Transactional(readOnly = true)
    public Programme programme(UUID id) {
        return funders.programme(id).orElseThrow(() -> new RuleViolation.NotFound("Le programme " + id + " est introuvable."));
    }

    /** The funder itself acts on its own calls and programmes; a coordinator too. */
    static void requireFunderOrCoordinator(DtPrincipal actor, Funder funder) {
        if (!actor.hasRole(Role.NATIONAL_COORDINATOR)) {
            Ownership.requireSiren(actor, Role.FUNDER, funder.siren().value());
        }
    }

    static void requireFunder(DtPrincipal actor, Funder funder) {
        Ownership.requireSiren(actor, Role.FUNDER, funder.siren().value());
    }

    static Siren siren(String field, String raw) {
        try {
            return Siren.parse(raw);
        } catch (IllegalArgumentException e) {
            throw RuleViolation.invalid(field, e.getMessage());
        }
    }

    static BigDecimal money(String field, String raw) {
        return Money.parse(field, raw);
    }
}
