package fr.dataterritoires.commonscalls.application;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import fr.dataterritoires.commonscalls.domain.Application;
import fr.dataterritoires.commonscalls.domain.Award;
import fr.dataterritoires.commonscalls.domain.Call;
import fr.dataterritoires.commonscalls.domain.Funder;
import fr.dataterritoires.commonscalls.domain.Money;
import fr.dataterritoires.commonscalls.domain.Proposal;
import fr.dataterritoires.territory.Siren;

/**
 * The payloads of the events commons-calls publishes; schemas in libs/contracts {@code events/commonscalls/}. Amounts
 * are decimal strings in euros with two decimals (exact), never JSON numbers.
 */
public final class CommonsCallsEvents {

    public static final String CALL_OPENED = "fr.dataterritoires.commons-calls.CallOpened.v1";
    public static final String APPLICATION_SUBMITTED = "fr.dataterritoires.commons-calls.ApplicationSubmitted.v1";
    public static final String AWARD_GRANTED = "fr.dataterritoires.commons-calls.AwardGranted.v1";
    public static final String PRECIPUT_LEVIED = "fr.dataterritoires.commons-calls.PreciputLevied.v1";
    public static final String PRECIPUT_ALLOCATED = "fr.dataterritoires.commons-calls.PreciputAllocated.v1";

    public static final String CALL = "Call";
    public static final String APPLICATION = "Application";
    public static final String AWARD = "Award";
    public static final String LEDGER = "PreciputTransaction";

    private CommonsCallsEvents() {
    }

    public static Map<String, Object> callOpened(Call call, Funder funder) {
        Call.Terms t = call.terms();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("callId", call.id().toString());
        data.put("kind", t.kind().name());
        data.put("title", t.title());
        data.put("funderSiren", funder.siren().value());
        if (t.programmeId() != null) {
            data.put("programmeId", t.programmeId().toString());
        }
        data.put("budget", Money.format(t.budget()));
        data.put("currency", "EUR");
        data.put("maxGrant", Money.format(t.maxGrant()));
        data.put("minGrant", Money.format(t.minGrant()));
        data.put("commonsKinds", t.commonsKinds().stream().map(Enum::name).sorted().toList());
        data.put("territorialScope", t.territorialScope());
        data.put("opensAt", t.opensAt().toString());
        data.put("closesAt", t.closesAt().toString());
        data.put("decisionDate", t.decisionDate().toString());
        data.put("openedAt", call.openedAt().toString());
        return data;
    }

    public static Map<String, Object> applicationSubmitted(Application a) {
        Proposal p = a.proposal();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("applicationId", a.id().toString());
        data.put("callId", a.callId().toString());
        data.put("leadSiren", p.lead().siren().value());
        data.put("memberSirens", p.memberSirens().stream().map(Siren::value).toList());
        data.put("commonsTitle", p.commons().title());
        data.put("commonsKind", p.commons().kind().name());
        data.put("requestedAmount", Money.format(p.requestedAmount()));
        data.put("currency", "EUR");
        if (p.ethicsCharter() != null) {
            data.put("ethicsCharter", p.ethicsCharter());
        }
        data.put("labels", p.labels());
        data.put("submittedAt", a.submittedAt().toString());
        return data;
    }

    /** With everything replication needs to turn the award into an initiative, and the roadmap item it finances. */
    public static Map<String, Object> awardGranted(Award award, Call call, Funder funder, Application a) {
        Proposal p = a.proposal();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("awardId", award.id().toString());
        data.put("callId", call.id().toString());
        data.put("callTitle", call.terms().title());
        data.put("funderSiren", funder.siren().value());
        data.put("beneficiarySirens", p.consortium().stream().map(m -> m.siren().value()).toList());
        data.put("amount", Money.format(award.amount()));
        data.put("currency", "EUR");
        data.put("grantedAt", award.grantedAt().toString());
        if (p.roadmapItem() != null) {
            data.put("roadmapItem", Map.of("roadmapId", p.roadmapItem().roadmapId().toString(),
                    "itemId", p.roadmapItem().itemId().toString()));
        }
        data.put("applicationId", a.id().toString());
        data.put("callKind", call.terms().kind().name());
        data.put("leadSiren", p.lead().siren().value());
        data.put("territories", p.territories());
        Map<String, Object> commons = new LinkedHashMap<>();
        commons.put("title", p.commons().title());
        commons.put("kind", p.commons().kind().name());
        if (!p.commons().summary().isEmpty()) {
            commons.put("summary", p.commons().summary());
        }
        commons.put("licence", p.commons().licence());
        if (p.commons().repositoryUrl() != null && !p.commons().repositoryUrl().isBlank()) {
            commons.put("repositoryUrl", p.commons().repositoryUrl());
        }
        commons.put("schemas", p.commons().schemas());
        data.put("commons", commons);
        if (p.ethicsCharter() != null) {
            data.put("ethicsCharter", p.ethicsCharter());
        }
        data.put("labels", p.labels());
        return data;
    }

    public static Map<String, Object> preciputLevied(UUID levyId, Journal.Details d) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("levyId", levyId.toString());
        data.put("programmeId", d.programmeId().toString());
        data.put("funderSiren", d.funderSiren());
        data.put("projectReference", d.projectReference());
        if (d.beneficiarySiren() != null) {
            data.put("beneficiarySiren", d.beneficiarySiren());
        }
        data.put("projectFunding", Money.format(d.projectFunding()));
        data.put("rate", rate(d.rate()));
        data.put("amount", Money.format(d.amount()));
        data.put("currency", "EUR");
        data.put("year", d.year());
        data.put("source", d.source());
        data.put("leviedAt", d.occurredAt().toString());
        return data;
    }

    public static Map<String, Object> preciputAllocated(UUID allocationId, Journal.Details d) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("allocationId", allocationId.toString());
        data.put("purpose", d.purpose());
        data.put("beneficiarySiren", d.beneficiarySiren());
        if (d.beneficiaryName() != null) {
            data.put("beneficiaryName", d.beneficiaryName());
        }
        if (d.initiativeId() != null) {
            data.put("initiativeId", d.initiativeId().toString());
        }
        if (d.awardId() != null) {
            data.put("awardId", d.awardId().toString());
        }
        data.put("amount", Money.format(d.amount()));
        data.put("currency", "EUR");
        if (d.reason() != null) {
            data.put("reason", d.reason());
        }
        data.put("allocatedAt", d.occurredAt().toString());
        return data;
    }

    /** "0.05" for 5 % (the schema's form: no trailing zeros beyond the first decimal, "1.0" for 100 %). */
    static String rate(BigDecimal rate) {
        BigDecimal stripped = rate.stripTrailingZeros();
        if (stripped.scale() < 1) {
            stripped = stripped.setScale(1);
        }
        return stripped.toPlainString();
    }

    static List<String> sirens(List<Siren> sirens) {
        return sirens.stream().map(Siren::value).toList();
    }

    static String instant(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
