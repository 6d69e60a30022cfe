package fr.dataterritoires.datasetsearch.integration.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import fr.dataterritoires.contracts.events.CloudEvent;
import fr.dataterritoires.contracts.events.CloudEvents;
import fr.dataterritoires.contracts.events.InvalidCloudEventException;
import fr.dataterritoires.datasetsearch.domain.AccessLevel;
import fr.dataterritoires.datasetsearch.domain.demand.PriorityDeclaration;
import fr.dataterritoires.datasetsearch.domain.demand.PriorityScope;

import tools.jackson.databind.JsonNode;

/** The reader of PriorityDatasetDeclared payloads and the contract's JSON schema agree. */
class PriorityDatasetDeclaredPayloadTest {

    @Test
    void theTypeIsARoadmapsEventTypeOfTheSuite() {
        assertThat(CloudEvent.TYPE_PATTERN.matcher(PriorityDatasetDeclaredPayload.TYPE).matches()).isTrue();
    }

    @Test
    void readsAFullPayload() {
        PriorityDeclaration d = PriorityDatasetDeclaredPayload.read(CloudEvents.toTree(Map.of(
                "roadmapId", "fdr-84-2026", "itemId", "item-7", "declaredBy", "84",
                "scope", Map.of("kind", "TERRITORIAL", "territories", List.of("region:84", "departement:69")),
                "datasetReference", "https://www.data.gouv.fr/datasets/reseaux-de-chaleur", "title", "Réseaux de chaleur",
                "targetAccessLevel", "OPEN", "targetDate", "2027-06-30", "futureField", 1)));
        assertThat(d.scope()).isEqualTo(PriorityScope.TERRITORIAL);
        assertThat(d.territories()).hasSize(2);
        assertThat(d.targetAccessLevel()).isEqualTo(AccessLevel.OPEN);
        assertThat(d.isToBeProduced()).isFalse();
    }

    @Test
    void everyFieldTheSchemaRequiresIsRequiredByTheReader() throws Exception {
        JsonNode schema = schema();
        List<String> required = new ArrayList<>();
        schema.get("required").forEach(n -> required.add(n.asString()));
        assertThat(required).containsExactlyInAnyOrder("roadmapId", "itemId", "declaredBy", "scope", "title");
        for (String field : required) {
            Map<String, Object> payload = valid();
            payload.remove(field);
            assertThatThrownBy(() -> PriorityDatasetDeclaredPayload.read(CloudEvents.toTree(payload)))
                    .as(field).isInstanceOf(InvalidCloudEventException.class).hasMessageContaining(field);
        }
        // optional in the schema, optional in the reader
        List<String> optional = new ArrayList<>(schema.get("properties").propertyNames());
        optional.removeAll(required);
        assertThat(optional).containsExactlyInAnyOrder("datasetReference", "targetAccessLevel", "targetDate");
        Map<String, Object> minimal = valid();
        optional.forEach(minimal::remove);
        assertThat(PriorityDatasetDeclaredPayload.read(CloudEvents.toTree(minimal)).isToBeProduced()).isTrue();
    }

    @Test
    void theSchemaPatternsAndEnumsMatchTheReader() throws Exception {
        JsonNode schema = schema();
        Pattern territory = Pattern.compile(schema.at("/properties/scope/properties/territories/items/pattern").asString());
        assertThat(territory.matcher("commune:69123").matches()).isTrue();
        assertThat(territory.matcher("national:FR").matches()).isFalse();
        List<String> kinds = new ArrayList<>();
        schema.at("/properties/scope/properties/kind/enum").forEach(n -> kinds.add(n.asString()));
        assertThat(kinds).containsExactlyInAnyOrder(
                java.util.Arrays.stream(PriorityScope.values()).map(Enum::name).toArray(String[]::new));
        List<String> levels = new ArrayList<>();
        schema.at("/properties/targetAccessLevel/enum").forEach(n -> levels.add(n.asString()));
        assertThat(levels).containsExactlyInAnyOrder(
                java.util.Arrays.stream(AccessLevel.values()).map(Enum::name).toArray(String[]::new));
        assertThat(schema.at("/properties/title/maxLength").asInt()).isEqualTo(PriorityDeclaration.TITLE_MAX);
        assertThat(schema.at("/properties/datasetReference/maxLength").asInt()).isEqualTo(PriorityDeclaration.REFERENCE_MAX);
    }

    @Test
    void badValuesAreInvalidEventsNamingTheField() {
        Map<String, Object> territorialWithout = valid();
        territorialWithout.put("scope", Map.of("kind", "TERRITORIAL"));
        assertThatThrownBy(() -> PriorityDatasetDeclaredPayload.read(CloudEvents.toTree(territorialWithout)))
                .isInstanceOf(InvalidCloudEventException.class).hasMessageContaining("scope.territories");
        Map<String, Object> badKey = valid();
        badKey.put("scope", Map.of("kind", "TERRITORIAL", "territories", List.of("commune:7505")));
        assertThatThrownBy(() -> PriorityDatasetDeclaredPayload.read(CloudEvents.toTree(badKey)))
                .isInstanceOf(InvalidCloudEventException.class).hasMessageContaining("scope.territories");
        Map<String, Object> badDate = valid();
        badDate.put("targetDate", "30/06/2027");
        assertThatThrownBy(() -> PriorityDatasetDeclaredPayload.read(CloudEvents.toTree(badDate)))
                .isInstanceOf(InvalidCloudEventException.class).hasMessageContaining("targetDate");
        Map<String, Object> badType = valid();
        badType.put("title", 42);
        assertThatThrownBy(() -> PriorityDatasetDeclaredPayload.read(CloudEvents.toTree(badType)))
                .isInstanceOf(InvalidCloudEventException.class).hasMessageContaining("title");
    }

    private static Map<String, Object> valid() {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("roadmapId", "fdr-84-2026");
        payload.put("itemId", "item-7");
        payload.put("declaredBy", "MTECT");
        payload.put("scope", Map.of("kind", "NATIONAL"));
        payload.put("datasetReference", "https://exemple.fr/jeu");
        payload.put("title", "Jeu");
        payload.put("targetAccessLevel", "SHARED");
        payload.put("targetDate", "2027-01-01");
        return payload;
    }

    private static JsonNode schema() throws Exception {
        try (InputStream in = PriorityDatasetDeclaredPayloadTest.class
                .getResourceAsStream("/events/roadmaps/priority-dataset-declared.v1.schema.json")) {
            assertThat(in).as("schema in libs/contracts").isNotNull();
            return CloudEvents.mapper().readTree(in);
        }
    }
}
