package fr.dataterritoires.roadmaps.integration.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import fr.dataterritoires.contracts.events.CloudEvents;
import fr.dataterritoires.contracts.events.InvalidCloudEventException;
import fr.dataterritoires.roadmaps.domain.roadmap.ReceivedAward;
import fr.dataterritoires.platform.testsupport.EventSchemas;

/** Payloads of AwardGranted.v1: what is read, what is refused (dead-lettered at once). */
class AwardGrantedPayloadTest {

    private final String roadmap = UUID.randomUUID().toString();
    private final String item = UUID.randomUUID().toString();

    @Test
    void aLinkedAwardIsReadExactly() {
        Map<String, Object> payload = payload();
        EventSchemas.assertConformsTo("commonscalls/AwardGranted.v1", CloudEvents.toTree(payload));
        ReceivedAward award = AwardGrantedPayload.read(CloudEvents.toTree(payload)).orElseThrow();
        assertThat(award.amount()).isEqualByComparingTo("150000.10");
        assertThat(award.amount().scale()).isEqualTo(2);
        assertThat(award.roadmapId().toString()).isEqualTo(roadmap);
        assertThat(award.itemId().toString()).isEqualTo(item);
        assertThat(award.funderSiren().value()).isEqualTo("200046977");
        assertThat(award.beneficiarySirens()).hasSize(1);
        assertThat(award.callTitle()).isEqualTo("Appel à communs 2027");
    }

    @Test
    void anAwardForNoRoadmapItemIsNothingForRoadmaps() {
        Map<String, Object> payload = payload();
        payload.remove("roadmapItem");
        assertThat(AwardGrantedPayload.read(CloudEvents.toTree(payload))).isEmpty();
    }

    @Test
    void aPayloadBreakingTheContractIsRefusedNamingTheField() {
        assertRefused("amount", 150000.1);
        assertRefused("amount", "150000,10");
        assertRefused("amount", "0.00");
        assertRefused("currency", "USD");
        assertRefused("funderSiren", "200046978");
        assertRefused("beneficiarySirens", List.of());
        assertRefused("grantedAt", "15/03/2027");
        assertRefused("awardId", "award-1");
        assertRefused("roadmapItem", Map.of("roadmapId", roadmap, "itemId", "x"));
    }

    private void assertRefused(String field, Object value) {
        Map<String, Object> payload = payload();
        payload.put(field, value);
        assertThatThrownBy(() -> AwardGrantedPayload.read(CloudEvents.toTree(payload)))
                .as("%s = %s", field, value).isInstanceOf(InvalidCloudEventException.class);
    }

    private Map<String, Object> payload() {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("awardId", UUID.randomUUID().toString());
        payload.put("callId", "appel-communs-2027");
        payload.put("callTitle", "Appel à communs 2027");
        payload.put("funderSiren", "200046977");
        payload.put("beneficiarySirens", List.of("200046977"));
        payload.put("amount", "150000.10");
        payload.put("currency", "EUR");
        payload.put("grantedAt", "2027-03-15T10:00:00+01:00");
        payload.put("roadmapItem", Map.of("roadmapId", roadmap, "itemId", item));
        return payload;
    }
}
