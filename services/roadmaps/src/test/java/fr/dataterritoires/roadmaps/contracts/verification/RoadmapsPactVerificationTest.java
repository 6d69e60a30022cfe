package fr.dataterritoires.roadmaps.contracts.verification;

import fr.dataterritoires.testing.contracts.MessagePactVerification;
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
import fr.dataterritoires.roadmaps.application.roadmap.RoadmapEvents;
import fr.dataterritoires.roadmaps.domain.TerritoryKey;
import fr.dataterritoires.roadmaps.domain.priority.Priority;
import fr.dataterritoires.roadmaps.domain.priority.PriorityLevel;
import fr.dataterritoires.roadmaps.domain.priority.PrioritySubject;
import fr.dataterritoires.roadmaps.domain.roadmap.AccessLevel;
import fr.dataterritoires.roadmaps.domain.roadmap.Issuer;
import fr.dataterritoires.roadmaps.domain.roadmap.Item;
import fr.dataterritoires.roadmaps.domain.roadmap.ItemContent;
import fr.dataterritoires.roadmaps.domain.roadmap.Period;
import fr.dataterritoires.roadmaps.domain.roadmap.PriorityOrigin;
import fr.dataterritoires.roadmaps.domain.roadmap.Roadmap;
import fr.dataterritoires.territory.Siren;

import tools.jackson.databind.json.JsonMapper;

/**
 * roadmaps honours its consumers' message pacts (libs/contracts/pacts, docs/adr/0015-contract-tests.md): each message
 * is built by the code that fills the outbox, {@link RoadmapEvents}, from domain objects: a committee
 * roadmap's dataset item, priorities of a région's and of the national list.
 * {@code contracts.breakage.BrokenPayloadsFailVerificationTest} shows that a payload breaking a pact fails this
 * verification.
 */
@Provider("roadmaps")
public class RoadmapsPactVerificationTest extends MessagePactVerification {

    @PactVerifyProvider("a territorial priority dataset declared")
    MessageAndMetadata territorialPriority() {
        return territorial(UnaryOperator.identity());
    }

    @PactVerifyProvider("a dataset item of a published committee roadmap declared a priority")
    MessageAndMetadata committeeRoadmapItem() {
        return committeeItem(UnaryOperator.identity());
    }

    @PactVerifyProvider("a national priority dataset declared, still to be produced")
    MessageAndMetadata nationalPriority() {
        return national(UnaryOperator.identity());
    }

    /** A dataset to open of a committee's roadmap, as {@code RoadmapService.publish} declares it. */
    public static MessageAndMetadata committeeItem(UnaryOperator<Map<String, Object>> change) {
        Roadmap roadmap = Roadmap.start(Issuer.committee(UUID.randomUUID(), "84"), new Period(2026, 2028),
                "Feuille de route 2026-2028", Instant.parse("2026-03-01T10:00:00Z"));
        ItemContent.DatasetToOpen dataset = new ItemContent.DatasetToOpen(UUID.randomUUID().toString(),
                AccessLevel.SHARED, LocalDate.of(2027, 6, 30), new Siren("200046977"), PriorityOrigin.LOCAL);
        Item item = roadmap.addItem(Item.create(UUID.randomUUID(), "Base adresse locale de la Métropole de Lyon", null,
                null, null, dataset, null, null, List.of()));
        return message(change.apply(RoadmapEvents.priorityOf(roadmap, item, dataset)));
    }

    /** A committee's local priority, for two territories of its région, naming a catalogue dataset. */
    public static MessageAndMetadata territorial(UnaryOperator<Map<String, Object>> change) {
        Priority priority = new Priority(UUID.randomUUID(), PriorityLevel.LOCAL, "84", PrioritySubject.DATASET,
                "Base adresse locale de la métropole de Lyon", "https://www.data.gouv.fr/fr/datasets/bal-lyon/", null,
                Set.of(TerritoryKey.parse("epci:200046977", "territories"),
                        TerritoryKey.parse("departement:69", "territories")),
                AccessLevel.OPEN, LocalDate.of(2027, 6, 30), "committee-84", Instant.parse("2026-05-01T10:00:00Z"));
        return message(change.apply(RoadmapEvents.priority(priority)));
    }

    /** A priority of the national list, for a dataset still to be produced: no reference, no target. */
    public static MessageAndMetadata national(UnaryOperator<Map<String, Object>> change) {
        Priority priority = new Priority(UUID.randomUUID(), PriorityLevel.NATIONAL, null, PrioritySubject.DATASET,
                "Référentiel national des bornes de recharge", null, null, Set.of(), null, null, "national-instance",
                Instant.parse("2026-05-01T10:00:00Z"));
        return message(change.apply(RoadmapEvents.priority(priority)));
    }

    private static MessageAndMetadata message(Map<String, Object> data) {
        return new MessageAndMetadata(JsonMapper.builder().build().writeValueAsBytes(data),
                Map.of("type", RoadmapEvents.PRIORITY_DATASET_DECLARED, "contentType", "application/json"));
    }
}
