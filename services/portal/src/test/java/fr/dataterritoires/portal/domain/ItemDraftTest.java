package fr.dataterritoires.portal.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

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
        assertThat(ItemDraft.typedNumber(" ")).isNull();
        assertThat(ItemDraft.typedNumber("1 500")).isEqualTo(new BigDecimal("1500"));
    }

    @Test
    void anItemOfTheServiceComesBackAsTheFormShowsIt() {
        ItemDraft shown = ItemDraft.of(RoadmapItemKind.FINANCIAL_LINE, "Animation", null,
                Map.of("amount", 15000.5, "year", 2027, "source", "STATE", "unknown", "ignored"));
        assertThat(shown.values()).containsExactlyInAnyOrderEntriesOf(Map.of("title", "Animation",
                "financialLine.amount", "15000.5", "financialLine.year", "2027", "financialLine.source", "STATE"));
        ItemDraft listed = ItemDraft.of(RoadmapItemKind.USE_CASE, "Mobilités", "texte",
                Map.of("territory", List.of("commune:69123", "departement:69")));
        assertThat(listed.value("useCase.territory")).isEqualTo("commune:69123, departement:69");
        assertThat(listed.value("description")).isEqualTo("texte");
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
