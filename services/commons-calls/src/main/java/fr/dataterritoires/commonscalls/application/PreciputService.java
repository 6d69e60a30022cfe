package fr.dataterritoires.commonscalls.application;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import fr.dataterritoires.commonscalls.domain.Funder;
import fr.dataterritoires.commonscalls.domain.Money;
import fr.dataterritoires.commonscalls.domain.Programme;
import fr.dataterritoires.commonscalls.domain.ledger.Accounts;
import fr.dataterritoires.commonscalls.domain.ledger.JournalTransaction;
import fr.dataterritoires.commonscalls.domain.ledger.Ledger;
import fr.dataterritoires.platform.audit.AuditTrail;
import fr.dataterritoires.platform.errors.rules.RuleViolation;
import fr.dataterritoires.platform.outbox.OutboxPublisher;
import fr.dataterritoires.platform.security.DtPrincipal;
import fr.dataterritoires.platform.security.Ownership;
import fr.dataterritoires.platform.security.Role;
import fr.dataterritoires.territory.Siren;

/**
 * The préciput ledger: levies on innovation funding (awards here, imports of funders' projects), allocations of the fund
 * by the national instance, reversals. Every posting locks the accounts it touches, checks them in the domain
 * ({@link Ledger}: no balance below zero) and writes an immutable transaction, its outbox event and its audit record
 * in one transaction.
 */
@Service
public class PreciputService {

    /** Years of the journal are civil years in metropolitan France. */
    public static final ZoneId ZONE = ZoneId.of("Europe/Paris");

    public enum Purpose {
        MUTUALISATION_STRUCTURE, COMMONS_AWARD, REPLICATION_SUPPORT
    }

    /** A levy to post: a project's funding in a programme, levied at the programme's rate. */
    public record LevyRequest(UUID programmeId, String projectReference, BigDecimal projectFunding, Siren beneficiary,
                              String source, UUID importId) {
    }

    public record Levied(UUID levyId, BigDecimal amount, boolean duplicate) {
    }

    public record Allocation(Purpose purpose, Siren beneficiary, String beneficiaryName, UUID initiativeId, UUID awardId,
                             BigDecimal amount, String reason) {
    }

    private final Journal journal;
    private final Funders funders;
    private final OutboxPublisher outbox;
    private final AuditTrail audit;

    public PreciputService(Journal journal, Funders funders, OutboxPublisher outbox, AuditTrail audit) {
        this.journal = journal;
        this.funders = funders;
        this.outbox = outbox;
        this.audit = audit;
    }

    /**
     * Levies the préciput on a project's funding, in the caller's transaction. Once per project of a programme: a
     * second levy of the same project reference changes nothing ({@code duplicate}). A zero levy (rate 0, or a funding
     * too small to give a cent) writes nothing.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Levied levy(String actor, LevyRequest request, Instant now) {
        Programme programme = funders.programme(request.programmeId())
                .orElseThrow(() -> new RuleViolation.NotFound("Le programme " + request.programmeId() + " est introuvable."));
        Funder funder = funders.find(programme.funderId()).orElseThrow();
        BigDecimal amount = Money.levy(request.projectFunding(), programme.preciputRate());
        Map<String, String> touched = levyAccounts(programme, funder);
        // the programme's row, locked, serialises levies of one programme: the duplicate check below is then exact
        Map<String, BigDecimal> balances = journal.lock(touched);
        if (journal.levyExists(programme.id(), request.projectReference())) {
            return new Levied(null, amount, true);
        }
        if (amount.signum() == 0) {
            return new Levied(null, amount, false);
        }
        Ledger ledger = Ledger.of(balances);
        JournalTransaction t = ledger.post(JournalTransaction.levy(UUID.randomUUID(), programme.id(), amount));
        Journal.Details d = new Journal.Details("LEVY", amount, now.atZone(ZONE).getYear(), now, actor, programme.id(),
                funder.siren().value(), request.projectReference(), request.projectFunding(), programme.preciputRate(),
                request.source(), request.importId(), null, null, null,
                request.beneficiary() == null ? null : request.beneficiary().value(), null, null, null);
        write(t, d, ledger);
        outbox.record(CommonsCallsEvents.LEDGER, t.id().toString(), CommonsCallsEvents.PRECIPUT_LEVIED,
                CommonsCallsEvents.preciputLevied(t.id(), d));
        audit.record(actor, "preciput.levied", CommonsCallsEvents.LEDGER, t.id().toString(), null, snapshot(t, d));
        return new Levied(t.id(), amount, false);
    }

    /** Locks the accounts a levy of this programme touches, in the caller's transaction (see {@link #levy}). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void lockForLevy(UUID programmeId) {
        Programme programme = funders.programme(programmeId)
                .orElseThrow(() -> new RuleViolation.NotFound("Le programme " + programmeId + " est introuvable."));
        Funder funder = funders.find(programme.funderId()).orElseThrow();
        journal.lock(levyAccounts(programme, funder));
    }

    private static Map<String, String> levyAccounts(Programme programme, Funder funder) {
        Map<String, String> touched = new LinkedHashMap<>();
        touched.put(Accounts.programme(programme.id()), "Programme " + programme.name() + " (" + funder.name() + ")");
        touched.put(Accounts.FUND, "Fonds du préciput");
        return touched;
    }

    /** The national instance allocates part of the fund; refused beyond the fund's balance, whatever runs concurrently. */
    @Transactional
    public Journal.Posted allocate(DtPrincipal actor, Allocation a, Instant now) {
        Ownership.requireAnyRole(actor, Role.NATIONAL_COORDINATOR);
        BigDecimal amount = Money.positive("amount", a.amount());
        if (a.purpose() == Purpose.REPLICATION_SUPPORT && a.initiativeId() == null) {
            throw RuleViolation.invalid("initiativeId", "le soutien à la réplication nomme l'initiative soutenue");
        }
        if (a.reason() == null || a.reason().isBlank() || a.reason().length() > 2000) {
            throw RuleViolation.invalid("reason", "motif obligatoire (2000 caractères au plus)");
        }
        String beneficiary = Accounts.beneficiary(a.beneficiary());
        Map<String, String> touched = new LinkedHashMap<>();
        touched.put(beneficiary, a.beneficiaryName() == null ? a.beneficiary().value() : a.beneficiaryName());
        touched.put(Accounts.FUND, "Fonds du préciput");
        // the fund's row is locked here: concurrent allocations wait, then see what the previous ones left
        Ledger ledger = Ledger.of(journal.lock(touched));
        JournalTransaction t = ledger.allocate(beneficiary, amount);
        Journal.Details d = new Journal.Details("ALLOCATION", amount, now.atZone(ZONE).getYear(), now, actor.subject(),
                null, null, null, null, null, null, null, a.purpose().name(), a.initiativeId(), a.awardId(),
                a.beneficiary().value(), a.beneficiaryName(), a.reason(), null);
        write(t, d, ledger);
        outbox.record(CommonsCallsEvents.LEDGER, t.id().toString(), CommonsCallsEvents.PRECIPUT_ALLOCATED,
                CommonsCallsEvents.preciputAllocated(t.id(), d));
        audit.record(actor.subject(), "preciput.allocated", CommonsCallsEvents.LEDGER, t.id().toString(), null,
                snapshot(t, d));
        return journal.find(t.id()).orElseThrow();
    }

    /** Corrects a levy or an allocation with a reversing transaction (the original stays as it was). */
    @Transactional
    public Journal.Posted reverse(DtPrincipal actor, UUID transactionId, String reason, Instant now) {
        Ownership.requireAnyRole(actor, Role.NATIONAL_COORDINATOR);
        if (reason == null || reason.isBlank() || reason.length() > 2000) {
            throw RuleViolation.invalid("reason", "motif de la contrepassation obligatoire (2000 caractères au plus)");
        }
        Journal.Posted original = journal.find(transactionId).orElseThrow(() ->
                new RuleViolation.NotFound("L'opération " + transactionId + " est introuvable dans le journal."));
        Map<String, String> touched = new LinkedHashMap<>();
        original.transaction().entries().forEach(e -> touched.put(e.account(), e.account()));
        Ledger ledger = Ledger.of(journal.lock(touched));
        // read again under the locks: a concurrent reversal of the same transaction has committed or not
        if (journal.find(transactionId).orElseThrow().reversed()) {
            throw new RuleViolation.StateConflict("deja-contrepassee", "Cette opération a déjà été contrepassée.");
        }
        if (original.transaction().kind() == JournalTransaction.Kind.REVERSAL) {
            throw new RuleViolation("contrepassation-de-contrepassation", null,
                    "Une contrepassation ne se contrepasse pas : enregistrez une nouvelle opération.");
        }
        JournalTransaction t = ledger.post(original.transaction().reversal(UUID.randomUUID()));
        Journal.Details o = original.details();
        Journal.Details d = new Journal.Details("REVERSAL", t.amount(), now.atZone(ZONE).getYear(), now, actor.subject(),
                null, o.funderSiren(), null, null, null, null, null, null, null, null, o.beneficiarySiren(),
                o.beneficiaryName(), reason, transactionId);
        write(t, d, ledger);
        audit.record(actor.subject(), "preciput.reversed", CommonsCallsEvents.LEDGER, t.id().toString(), null,
                snapshot(t, d));
        return journal.find(t.id()).orElseThrow();
    }

    private void write(JournalTransaction t, Journal.Details d, Ledger ledger) {
        Map<String, BigDecimal> changed = new LinkedHashMap<>();
        t.entries().forEach(e -> changed.put(e.account(), ledger.balance(e.account())));
        journal.write(t, d, changed);
    }

    @Transactional(readOnly = true)
    public Optional<Journal.Posted> find(UUID id) {
        return journal.find(id);
    }

    @Transactional(readOnly = true)
    public List<Journal.Posted> journal(int offset, int limit) {
        return journal.page(offset, limit);
    }

    /** Sums of the transactions by kind (LEVY, ALLOCATION, REVERSAL). */
    @Transactional(readOnly = true)
    public Map<String, BigDecimal> totals() {
        return journal.totals(List.of("LEVY", "ALLOCATION", "REVERSAL"));
    }

    @Transactional(readOnly = true)
    public List<Journal.Account> accounts() {
        return journal.accounts();
    }

    @Transactional(readOnly = true)
    public BigDecimal fundBalance() {
        return journal.balance(Accounts.FUND);
    }

    @Transactional(readOnly = true)
    public List<Journal.ReportLine> report(String by) {
        if (!List.of("year", "funder", "beneficiary").contains(by)) {
            throw RuleViolation.invalid("by", "regroupement attendu : year, funder ou beneficiary");
        }
        return journal.report(by);
    }

    private static Map<String, Object> snapshot(JournalTransaction t, Journal.Details d) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("kind", t.kind().name());
        s.put("amount", Money.format(t.amount()));
        s.put("entries", t.entries().stream().map(e -> e.side() + " " + e.account() + " " + Money.format(e.amount())).toList());
        if (d.projectReference() != null) {
            s.put("projectReference", d.projectReference());
        }
        if (d.reverses() != null) {
            s.put("reverses", d.reverses().toString());
        }
        if (d.reason() != null) {
            s.put("reason", d.reason());
        }
        return s;
    }
}
