package fr.dataterritoires.commonscalls.application;

import fr.dataterritoires.testing.contracts.MessagePactVerification;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;

import au.com.dius.pact.provider.MessageAndMetadata;
import au.com.dius.pact.provider.PactVerifyProvider;
import au.com.dius.pact.provider.junitsupport.Provider;
import fr.dataterritoires.commonscalls.domain.ApplicantType;
import fr.dataterritoires.commonscalls.domain.Application;
import fr.dataterritoires.commonscalls.domain.Award;
import fr.dataterritoires.commonscalls.domain.Call;
import fr.dataterritoires.commonscalls.domain.CallKind;
import fr.dataterritoires.commonscalls.domain.CommonsKind;
import fr.dataterritoires.commonscalls.domain.ConsortiumMember;
import fr.dataterritoires.commonscalls.domain.Criterion;
import fr.dataterritoires.commonscalls.domain.Funder;
import fr.dataterritoires.commonscalls.domain.Proposal;
import fr.dataterritoires.territory.Siren;

import tools.jackson.databind.json.JsonMapper;

/**
 * commons-calls honours its consumers' message pacts (roadmaps and replication; libs/contracts/pacts,
 * docs/adr/0015-contract-tests.md): each message is built by the code that fills the outbox,
 * {@link CommonsCallsEvents}, from domain objects: an open call, a consortium's application answering a roadmap item,
 * its award; an allocation of the préciput fund as {@code PreciputService.allocate} journals it. In this package
 * because the journal's details are package-private. {@code contracts.breakage.BrokenPayloadsFailVerificationTest}
 * shows that a payload breaking a pact fails this verification.
 */
@Provider("commons-calls")
public class CommonsCallsPactVerificationTest extends MessagePactVerification {

    private static final Instant NOW = Instant.parse("2026-06-15T09:30:00Z");
    private static final Siren FUNDER = Siren.withCheckDigit("18004500");
    private static final Siren LEAD = Siren.withCheckDigit("21380000");
    private static final Siren MEMBER = Siren.withCheckDigit("20004001");

    @PactVerifyProvider("an award granted for a roadmap item")
    MessageAndMetadata awardForAnItem() {
        return awardGranted(UnaryOperator.identity());
    }

    @PactVerifyProvider("an award granted for a commons")
    MessageAndMetadata awardForACommons() {
        return awardGranted(UnaryOperator.identity());
    }

    @PactVerifyProvider("préciput allocated to support a replication")
    MessageAndMetadata replicationSupport() {
        return preciputAllocated(UnaryOperator.identity());
    }

    /** A consortium led by a département, answering a roadmap item with a software commons, granted 150 000 €. */
    public static MessageAndMetadata awardGranted(UnaryOperator<Map<String, Object>> change) {
        Funder funder = new Funder(UUID.randomUUID(), FUNDER, "Agence nationale de la cohésion des territoires");
        Call call = Call.draft(funder.id(), new Call.Terms(CallKind.COMMONS, null,
                "Appel à communs numériques territoriaux 2026", "", new BigDecimal("900000.00"),
                new BigDecimal("200000.00"), new BigDecimal("20000.00"), new BigDecimal("0.8"),
                NOW.minusSeconds(60 * 86_400L), NOW.minusSeconds(20 * 86_400L), LocalDate.of(2026, 6, 15),
                Set.of(ApplicantType.LOCAL_AUTHORITY, ApplicantType.MUTUALISATION_STRUCTURE), 2, List.of(),
                Set.of(CommonsKind.SOFTWARE, CommonsKind.STANDARD), List.of(), 1,
                List.of(new Criterion("utilite", "Utilité", 3, 10))), NOW.minusSeconds(61 * 86_400L));
        call.open(NOW.minusSeconds(60 * 86_400L));
        Proposal proposal = new Proposal(List.of(
                new ConsortiumMember(LEAD, "Département de l'Isère", ApplicantType.LOCAL_AUTHORITY,
                        ConsortiumMember.Role.LEAD),
                new ConsortiumMember(MEMBER, "Syndicat mixte Alpes numérique", ApplicantType.MUTUALISATION_STRUCTURE,
                        ConsortiumMember.Role.MEMBER)),
                new Proposal.Commons("Base adresse locale partagée", CommonsKind.SOFTWARE,
                        "Outil de gestion mutualisée des adresses", "EUPL-1.2", "https://git.example.org/bal",
                        List.of("etalab/schema-bal")),
                new BigDecimal("150000.00"),
                List.of(new Proposal.BudgetLine("Développement", new BigDecimal("150000.00"))),
                "Charte éthique des communs numériques", List.of("Territoire numérique libre"), null, null,
                List.of("38", "84"), List.of(), new Proposal.RoadmapItem(UUID.randomUUID(), UUID.randomUUID()));
        Application application = Application.draft(call, "lead", proposal, NOW.minusSeconds(30 * 86_400L));
        Award award = new Award(UUID.randomUUID(), application.id(), call.id(), new BigDecimal("150000.00"), 1,
                "Projet le mieux classé", NOW, null, null);
        return message(CommonsCallsEvents.AWARD_GRANTED,
                change.apply(CommonsCallsEvents.awardGranted(award, call, funder, application)));
    }

    /** The national instance supports a replication from the fund, as {@code PreciputService.allocate} journals it. */
    public static MessageAndMetadata preciputAllocated(UnaryOperator<Map<String, Object>> change) {
        Journal.Details details = new Journal.Details("ALLOCATION", new BigDecimal("25000.00"), 2026, NOW,
                "national-coordinator", null, null, null, null, null, null, null, "REPLICATION_SUPPORT",
                UUID.randomUUID(), null, MEMBER.value(), "Syndicat mixte Alpes numérique",
                "Réplication dans la métropole de Grenoble", null);
        return message(CommonsCallsEvents.PRECIPUT_ALLOCATED,
                change.apply(CommonsCallsEvents.preciputAllocated(UUID.randomUUID(), details)));
    }

    private static MessageAndMetadata message(String type, Map<String, Object> data) {
        return new MessageAndMetadata(JsonMapper.builder().build().writeValueAsBytes(data),
                Map.of("type", type, "contentType", "application/json"));
    }
}
