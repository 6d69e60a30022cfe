package fr.dataterritoires.commonscalls.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import fr.dataterritoires.territory.Siren;

/** Plain domain objects for the unit tests. */
final class Fixtures {

    static final Instant NOW = Instant.parse("2026-05-01T10:00:00Z");
    static final Siren LEAD = Siren.withCheckDigit("21380000");
    static final Siren MEMBER = Siren.withCheckDigit("20004001");

    private Fixtures() {
    }

    static Call.Terms terms(Set<ApplicantType> types, int minSize, List<String> scope, List<String> declarations) {
        return new Call.Terms(CallKind.COMMONS, null, "Appel à communs", "", new BigDecimal("300000.00"),
                new BigDecimal("100000.00"), new BigDecimal("10000.00"), new BigDecimal("0.8"),
                NOW.minusSeconds(86400), NOW.plusSeconds(30 * 86400), LocalDate.of(2026, 9, 1), types, minSize, scope,
                Set.of(CommonsKind.SOFTWARE, CommonsKind.STANDARD), declarations, 1,
                List.of(new Criterion("utilite", "Utilité", 3, 10)));
    }

    static Call openCall(Call.Terms terms) {
        Call call = Call.draft(UUID.randomUUID(), terms, NOW.minusSeconds(3600));
        call.open(NOW.minusSeconds(60));
        return call;
    }

    static Proposal proposal(String requested, CommonsKind kind, List<String> territories, List<String> declarations,
                             ConsortiumMember... members) {
        List<ConsortiumMember> consortium = new ArrayList<>();
        consortium.add(new ConsortiumMember(LEAD, "Département de l'Isère", ApplicantType.LOCAL_AUTHORITY,
                ConsortiumMember.Role.LEAD));
        consortium.addAll(List.of(members));
        return new Proposal(consortium, new Proposal.Commons("Base adresse", kind, "", "EUPL-1.2", null, null),
                new BigDecimal(requested), List.of(new Proposal.BudgetLine("Développement", new BigDecimal("100000.00"))),
                "Charte", List.of(), null, null, territories, declarations, null);
    }
}
