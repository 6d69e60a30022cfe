package fr.dataterritoires.replication.integration;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import fr.dataterritoires.contracts.events.InvalidCloudEventException;
import fr.dataterritoires.platform.errors.rules.RuleViolation;
import fr.dataterritoires.replication.application.AwardIntake;
import fr.dataterritoires.replication.domain.TerritoryRef;
import fr.dataterritoires.replication.domain.initiative.CommonsUsed;
import fr.dataterritoires.replication.domain.initiative.Initiative;
import fr.dataterritoires.territory.Siren;

import tools.jackson.databind.JsonNode;

/**
 * Reads commons-calls' {@code AwardGranted.v1} and {@code PreciputAllocated.v1} (schemas in libs/contracts
 * {@code events/commonscalls}). An award without {@code commons} is not about a commons replication tracks (empty);
 * an allocation whose purpose is not REPLICATION_SUPPORT neither. A payload breaking the schema, or with an invalid
 * SIREN, amount or territory, can never succeed: refused as an invalid event, dead-lettered at once.
 */
final class CommonsCallsPayloads {

    static final String AWARD_GRANTED = "fr.dataterritoires.commons-calls.AwardGranted.v1";
    static final String PRECIPUT_ALLOCATED = "fr.dataterritoires.commons-calls.PreciputAllocated.v1";
    private static final Pattern AMOUNT = Pattern.compile("(0|[1-9][0-9]{0,11})\\.[0-9]{2}");

    private CommonsCallsPayloads() {
    }

    static Optional<AwardIntake.Award> award(JsonNode data) {
        requireObject(data);
        JsonNode commons = data.path("commons");
        if (commons.isMissingNode() || commons.isNull()) {
            return Optional.empty();
        }
        UUID awardId = uuid(data, "awardId");
        BigDecimal amount = amount(data);
        OffsetDateTime grantedAt = dateTime(data, "grantedAt");
        String funder = siren(text(data, "funderSiren"), "funderSiren");
        List<String> beneficiaries = new ArrayList<>();
        for (JsonNode b : data.path("beneficiarySirens")) {
            beneficiaries.add(siren(b.isString() ? b.asString() : null, "beneficiarySirens"));
        }
        if (beneficiaries.isEmpty()) {
            throw invalid("beneficiarySirens", "must list at least one SIREN");
        }
        String lead = text(data, "leadSiren") == null ? beneficiaries.getFirst() : siren(text(data, "leadSiren"),
                "leadSiren");
        try {
            Set<TerritoryRef> territories = new LinkedHashSet<>();
            int i = 0;
            for (JsonNode t : data.path("territories")) {
                territories.add(TerritoryRef.fromContractCode(t.isString() ? t.asString() : null,
                        "territories[" + i++ + "]"));
            }
            List<String> schemas = new ArrayList<>();
            commons.path("schemas").forEach(s -> schemas.add(s.asString()));
            String kind = text(commons, "kind");
            CommonsUsed used = new CommonsUsed(text(commons, "title"), kind, text(commons, "repositoryUrl"),
                    text(commons, "licence"), schemas);
            if (used.title() == null) {
                throw invalid("commons.title", "is required");
            }
            List<String> labels = new ArrayList<>();
            data.path("labels").forEach(l -> labels.add(l.asString()));
            String summary = text(commons, "summary");
            Initiative.AwardedCommons awarded = new Initiative.AwardedCommons(used,
                    summary, policyDomain(kind), territories, text(data, "ethicsCharter"), labels);
            return Optional.of(new AwardIntake.Award(awardId, lead, funder, amount, grantedAt.toInstant(), awarded));
        } catch (RuleViolation e) {
            throw invalid(e.field() == null ? "data" : e.field(), e.getMessage());
        }
    }

    /** The award says nothing of the policy domain: the kind of commons stands for it until the lead says more. */
    static String policyDomain(String kind) {
        return switch (kind == null ? "" : kind) {
            case "STANDARD" -> "Commun numérique : standard";
            case "SOFTWARE" -> "Commun numérique : logiciel";
            case "ALGORITHM" -> "Commun numérique : algorithme";
            case "COLLABORATIVE_DATABASE" -> "Commun numérique : base de données collaborative";
            case "METHOD" -> "Commun numérique : méthode";
            default -> "Commun numérique";
        };
    }

    static Optional<AwardIntake.Allocation> allocation(JsonNode data) {
        requireObject(data);
        if (!"REPLICATION_SUPPORT".equals(text(data, "purpose"))) {
            return Optional.empty();
        }
        if (text(data, "initiativeId") == null) {
            throw invalid("initiativeId", "is required when purpose is REPLICATION_SUPPORT");
        }
        return Optional.of(new AwardIntake.Allocation(uuid(data, "allocationId"), uuid(data, "initiativeId"),
                siren(text(data, "beneficiarySiren"), "beneficiarySiren"), text(data, "beneficiaryName"), amount(data),
                dateTime(data, "allocatedAt").toInstant(), text(data, "reason")));
    }

    private static void requireObject(JsonNode data) {
        if (data == null || !data.isObject()) {
            throw invalid("data", "must be an object");
        }
    }

    private static BigDecimal amount(JsonNode data) {
        if (!"EUR".equals(text(data, "currency"))) {
            throw invalid("currency", "must be EUR");
        }
        String amount = text(data, "amount");
        if (amount == null || !AMOUNT.matcher(amount).matches() || new BigDecimal(amount).signum() <= 0) {
            throw invalid("amount", "must be a decimal string with two decimals, above zero, e.g. 150000.00");
        }
        return new BigDecimal(amount);
    }

    private static OffsetDateTime dateTime(JsonNode data, String field) {
        try {
            return OffsetDateTime.parse(String.valueOf(text(data, field)));
        } catch (DateTimeParseException e) {
            throw invalid(field, "must be an RFC 3339 date-time");
        }
    }

    private static String siren(String value, String field) {
        try {
            return Siren.parse(value).value();
        } catch (IllegalArgumentException | NullPointerException e) {
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
