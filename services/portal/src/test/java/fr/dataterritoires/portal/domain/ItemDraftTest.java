package fr.dataterritoires.portal.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** What an item form sends to the roadmaps service, and what it shows back of an item the service returned. */
class ItemDraftTest {

    @Test
    void theBodyHasTheCommonFieldsAndTheKindsSubObjectWithFrenchNumbersReadAndListsSplit() {
        ItemDraft draft = new ItemDraft(RoadmapItemKind.ACTION, Map.of("title", "  Référents données ",
                "action.territory", "region:84, region:93;\ndepartement:69", "action.requestedFte", "2,5",
                "action.requestedAmount", "80 000,50", "action.deconcentratedServices", "", "_csrf", "x",
                "version", "3"));
        Map<String, Object> body = draft.body();
        assertThat(body).containsEntry("kind", "ACTION").containsEntry("title", "Référents données")
                .containsEntry("description", null).doesNotContainKeys("_csrf", "version");
        @SuppressWarnings("unchecked")
        Map<String, Object> action = (Map<String, Object>) body.get("action");
        assertThat(action).containsOnlyKeys("territory", "requestedFte", "requestedAmount")
                .containsEntry("territory", List.of("region:84", "region:93", "departement:69"));
        assertThat((BigDecimal) action.get("requestedFte")).isEqualByComparingTo("2.5");
        assertThat((BigDecimal) action.get("requestedAmount")).isEqualByComparingTo("80000.50");
    }

    @Test
    void whatDoesNotReadAsANumberIsSentAsTypedForTheServiceToRefuse() {
        Map<String, Object> body = new ItemDraft(RoadmapItemKind.FINANCIAL_LINE, Map.of("title", "Animation",
                "financialLine.amount", "douze euros")).body();
        assertThat(body.get("financialLine")).isEqualTo(Map.of("amount", "douze euros"));
        assertThat(FrenchNumbers.typed(" ")).isNull();
        assertThat(FrenchNumbers.typed("1 500")).isEqualTo(new BigDecimal("1500"));
    }

    @Test
    void anItemOfTheServiceComesBackAsTheFormShowsIt() {
        UUID parent = UUID.randomUUID();
        ItemDraft shown = ItemDraft.of(RoadmapItemKind.FINANCIAL_LINE, "Animation", null, parent, 3,
                List.of(new ItemDraft.MilestoneDraft("2027-03-01", "Lancement", true)),
                Map.of("amount", 15000.5, "year", 2027, "source", "STATE", "unknown", "ignored"));
        assertThat(shown.values()).containsExactlyInAnyOrderEntriesOf(Map.of("title", "Animation",
                "financialLine.amount", "15000.5", "financialLine.year", "2027", "financialLine.source", "STATE",
                "parentId", parent.toString(), "weight", "3"));
        // the milestone, then two empty rows to add more without JavaScript
        assertThat(shown.milestoneRows()).containsExactly(new ItemDraft.MilestoneDraft("2027-03-01", "Lancement", true),
                new ItemDraft.MilestoneDraft(null, null, false), new ItemDraft.MilestoneDraft(null, null, false));
        ItemDraft listed = ItemDraft.of(RoadmapItemKind.USE_CASE, "Mobilités", "texte", null, null, List.of(),
                Map.of("territory", List.of("commune:69123", "departement:69")));
        assertThat(listed.value("useCase.territory")).isEqualTo("commune:69123, departement:69");
        assertThat(listed.value("description")).isEqualTo("texte");
    }

    @Test
    void theParentWeightAndMilestoneRowsAreSentBlankRowsDroppedAndTheOthersNumberedAgain() {
        UUID parent = UUID.randomUUID();
        Map<String, String> posted = new java.util.HashMap<>(Map.of("title", "Animation", "parentId", parent.toString(),
                "weight", " 3 ", "milestones[0].date", "", "milestones[0].title", " ",
                "milestones[1].date", "2027-06-30", "milestones[1].title", "Bilan", "milestones[1].done", "true",
                "milestones[10].title", "Sans date"));
        posted.put("milestones[2].date", "2027-01-15");
        ItemDraft draft = new ItemDraft(RoadmapItemKind.FINANCIAL_LINE, posted);
        assertThat(draft.milestones()).containsExactly(new ItemDraft.MilestoneDraft("2027-06-30", "Bilan", true),
                new ItemDraft.MilestoneDraft("2027-01-15", null, false), new ItemDraft.MilestoneDraft(null, "Sans date", false));
        Map<String, Object> body = draft.body();
        assertThat(body).containsEntry("parentId", parent.toString());
        assertThat((BigDecimal) body.get("weight")).isEqualByComparingTo("3");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> sent = (List<Map<String, Object>>) body.get("milestones");
        assertThat(sent).hasSize(3);
        assertThat(sent.get(0)).isEqualTo(Map.of("date", "2027-06-30", "title", "Bilan", "done", true));
        assertThat(sent.get(1)).containsEntry("date", "2027-01-15").containsEntry("title", null).containsEntry("done", false);
        // the refusal of the second milestone's title links to the second row, as shown again
        assertThat(draft.ids()).containsEntry("milestones[1].title", "jalon-1-titre").containsEntry("weight", "weight")
                .containsEntry("parentId", "parentId");
        assertThat(draft.labels()).containsEntry("milestones[1].title", "Jalon 2, intitulé");
        // no milestone typed: an empty list, which clears them (the service replaces the list)
        assertThat(new ItemDraft(RoadmapItemKind.FINANCIAL_LINE, Map.of("title", "x")).body())
                .containsEntry("milestones", List.of()).containsEntry("parentId", null).containsEntry("weight", null);
        // the tracking form: no milestone fields, the milestones stay as they are (null); else the whole list
        assertThat(ItemDraft.postedMilestones(Map.of("status", "PLANNED", "progress", ""))).isNull();
        assertThat(ItemDraft.postedMilestones(Map.of("milestones[0].date", "2027-01-15",
                "milestones[0].title", "Lancement", "milestones[1].date", "2027-06-30", "milestones[1].title", "Bilan",
                "milestones[1].done", "true"))).containsExactly(new ItemDraft.MilestoneDraft("2027-01-15", "Lancement", false),
                new ItemDraft.MilestoneDraft("2027-06-30", "Bilan", true));
    }

    @Test
    void eachKindBelongsToOneKindOfRoadmap() {
        assertThat(RoadmapItemKind.of("COMMITTEE")).containsExactly(RoadmapItemKind.USE_CASE, RoadmapItemKind.DATASET,
                RoadmapItemKind.ROLE_ALLOCATION, RoadmapItemKind.FINANCIAL_LINE);
        assertThat(RoadmapItemKind.of("MINISTERIAL")).containsExactly(RoadmapItemKind.ACTION,
                RoadmapItemKind.DATA_RETURN, RoadmapItemKind.NATIONAL_TOOL);
        assertThat(RoadmapItemKind.FINANCIAL_LINE.part()).isEqualTo("financialLine");
        assertThat(RoadmapItemKind.FINANCIAL_LINE.ids()).containsEntry("financialLine.amount", "financialLine-amount");
    }
}
