package fr.dataterritoires.roadmaps.integration.events;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import fr.dataterritoires.contracts.events.InvalidCloudEventException;
import fr.dataterritoires.platform.errors.rules.RuleViolation;
import fr.dataterritoires.roadmaps.domain.roadmap.ReceivedAward;
import fr.dataterritoires.territory.Siren;

import tools.jackson.databind.JsonNode;

/**
 * Reads commons-calls' {@code AwardGranted.v1} ({@code events/commonscalls/AwardGranted.v1.schema.json} in
 * libs/contracts). Empty when the award names no roadmap item (nothing for roadmaps to show). A payload breaking the
 * schema, or with an invalid SIREN or amount, can never succeed: refused as an invalid event, dead-lettered at once.
 */
final class AwardGrantedPayload {

    static final String TYPE = "fr.dataterritoires.commons-calls.AwardGranted.v1";
    private static final Pattern AMOUNT = Pattern.compile("(0|[1-9][0-9]{0,11})\\.[0-9]{2}");

    private AwardGrantedPayload() {
    }

    static Optional<ReceivedAward> read(JsonNode data) {
        if (data == null || !data.isObject()) {
            throw invalid("data", "must be an object");
        }
        JsonNode link = data.path("roadmapItem");
        if (link.isMissingNode() || link.isNull()) {
            return Optional.empty();
        }
        if (!"EUR".equals(text(data, "currency"))) {
            throw invalid("currency", "must be EUR");
        }
        String amount = text(data, "amount");
        if (amount == null || !AMOUNT.matcher(amount).matches()) {
            throw invalid("amount", "must be a decimal string with two decimals, e.g. 150000.00");
        }
        OffsetDateTime grantedAt;
        try {
            grantedAt = OffsetDateTime.parse(String.valueOf(text(data, "grantedAt")));
        } catch (DateTimeParseException e) {
            throw invalid("grantedAt", "must be an RFC 3339 date-time");
        }
        JsonNode beneficiaries = data.path("beneficiarySirens");
        if (!beneficiaries.isArray()) {
            throw invalid("beneficiarySirens", "must be an array of SIRENs");
        }
        List<Siren> sirens = new ArrayList<>();
        for (JsonNode b : beneficiaries) {
            sirens.add(siren(b.isString() ? b.asString() : null, "beneficiarySirens"));
        }
        try {
            return Optional.of(new ReceivedAward(uuid(data, "awardId"), uuid(link, "roadmapId"), uuid(link, "itemId"),
                    text(data, "callId"), text(data, "callTitle"), siren(text(data, "funderSiren"), "funderSiren"),
                    sirens, new BigDecimal(amount), grantedAt.toInstant()));
        } catch (RuleViolation e) {
            throw invalid(e.field() == null ? "data" : e.field(), e.getMessage());
        }
    }

    private static Siren siren(String value, String field) {
        try {
            return Siren.parse(value);
        } catch (IllegalArgumentException e) {
            throw invalid(field, "must be valid SIRENs (9 digits, Luhn key)");
        }
    }

    private static UUID uuid(JsonNode node, String field) {
        try {
            return UUID.fromString(String.valueOf(text(node, field)));
        } catch (IllegalArgumentException e) {
            throw invalid(field, "must be a UUID");
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isString() ? value.asString() : null;
    }

    private static InvalidCloudEventException invalid(String field, String message) {
        return new InvalidCloudEventException("data." + field, message);
    }
}
