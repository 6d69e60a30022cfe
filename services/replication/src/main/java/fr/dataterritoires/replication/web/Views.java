package fr.dataterritoires.replication.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import fr.dataterritoires.replication.application.FundingLookup;
import fr.dataterritoires.replication.application.InitiativePage;
import fr.dataterritoires.replication.application.ProgrammeStore;
import fr.dataterritoires.replication.application.ReachService;
import fr.dataterritoires.replication.domain.TerritoryRef;
import fr.dataterritoires.replication.domain.initiative.CommonsUsed;
import fr.dataterritoires.replication.domain.initiative.Indicator;
import fr.dataterritoires.replication.domain.initiative.Initiative;
import fr.dataterritoires.replication.domain.initiative.InitiativeContent;
import fr.dataterritoires.replication.domain.initiative.MaturityStep;
import fr.dataterritoires.replication.domain.initiative.ReplicationKit;
import fr.dataterritoires.replication.domain.programme.Candidacy;
import fr.dataterritoires.replication.domain.programme.CandidateCall;
import fr.dataterritoires.replication.domain.programme.Cohort;
import fr.dataterritoires.replication.domain.programme.SupportAction;
import fr.dataterritoires.replication.domain.reach.Matching;
import fr.dataterritoires.replication.domain.reach.Reach;
import fr.dataterritoires.replication.domain.replica.CostShare;
import fr.dataterritoires.replication.domain.replica.Replication;

/**
 * JSON views of the registry. Money is a decimal string with two decimals ("150000.00"): exact, never a JSON number;
 * amounts are kept as entered (cents), sums are exact, and weighted scores are rounded half up to two decimals.
 */
final class Views {

    private Views() {
    }

    static String money(BigDecimal amount) {
        return amount == null ? null : amount.setScale(2).toPlainString();
    }

    static Map<String, Object> territory(TerritoryRef t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("key", t.key());
        m.put("code", t.code());
        m.put("level", t.level().name());
        m.put("name", t.name());
        m.put("population", t.population());
        return m;
    }

    static List<Map<String, Object>> territories(java.util.Collection<TerritoryRef> refs) {
        return refs.stream().map(Views::territory).toList();
    }

    static Map<String, Object> initiative(Initiative i) {
        InitiativeContent c = i.content();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", i.id().toString());
        m.put("version", i.version());
        m.put("title", c.title());
        m.put("problem", c.problem());
        m.put("policyDomain", c.policyDomain());
        m.put("leadSiren", i.leadSiren());
        m.put("territories", territories(c.territories()));
        m.put("maturity", i.maturity().name());
        m.put("maturityLabel", i.maturity().label());
        m.put("validatedAt", i.validatedAt() == null ? null : i.validatedAt().toString());
        m.put("steps", i.steps().stream().map(Views::step).toList());
        m.put("commons", commons(c.commons()));
        m.put("indicators", c.indicators().stream().map(Views::indicator).toList());
        m.put("ethicsCharter", c.ethicsCharter());
        m.put("labels", c.labels());
        m.put("annualRunningCost", money(c.annualRunningCost()));
        m.put("skills", c.skills());
        m.put("kit", kit(c.kit()));
        m.put("awardIds", i.awardIds().stream().map(Object::toString).toList());
        m.put("createdAt", i.createdAt().toString());
        return m;
    }

    static Map<String, Object> step(MaturityStep s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("from", s.from().name());
        m.put("to", s.to().name());
        m.put("at", s.at().toString());
        m.put("actor", s.actor());
        m.put("justification", s.justification());
        m.put("evidence", s.evidence());
        return m;
    }

    static Map<String, Object> commons(CommonsUsed c) {
        if (c == null) {
            return null;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("title", c.title());
        m.put("kind", c.kind());
        m.put("repositoryUrl", c.repositoryUrl());
        m.put("licence", c.licence());
        m.put("dataSchemas", c.dataSchemas());
        return m;
    }

    static Map<String, Object> indicator(Indicator i) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", i.name());
        m.put("unit", i.unit());
        m.put("before", i.before() == null ? null : i.before().toPlainString());
        m.put("after", i.after() == null ? null : i.after().toPlainString());
        m.put("change", i.change() == null ? null : i.change().toPlainString());
        if (i.evaluation() != null) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("method", i.evaluation().method());
            e.put("evaluator", i.evaluation().evaluator());
            e.put("evaluatedOn", i.evaluation().evaluatedOn().toString());
            e.put("reportUrl", i.evaluation().reportUrl());
            e.put("independent", i.evaluation().independent());
            m.put("evaluation", e);
        } else {
            m.put("evaluation", null);
        }
        return m;
    }

    static Map<String, Object> kit(ReplicationKit k) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("documentationUrl", k.documentationUrl());
        m.put("schemas", k.schemas());
        m.put("softwareUrl", k.softwareUrl());
        m.put("contacts", k.contacts().stream().map(c -> {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("organisation", c.organisation());
            x.put("function", c.function());
            x.put("email", c.email());
            return x;
        }).toList());
        m.put("complete", k.isComplete());
        return m;
    }

    static Map<String, Object> replication(Replication r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.id().toString());
        m.put("version", r.version());
        m.put("initiativeId", r.initiativeId().toString());
        m.put("basedOn", r.basedOn() == null ? null : r.basedOn().toString());
        m.put("adopterSiren", r.adopterSiren());
        m.put("territories", territories(r.territories()));
        m.put("status", r.status().name());
        m.put("statusLabel", r.status().label());
        m.put("interestedOn", str(r.interestedOn()));
        m.put("plannedStartOn", str(r.plannedStartOn()));
        m.put("startedOn", str(r.startedOn()));
        m.put("liveOn", str(r.liveOn()));
        m.put("abandonedOn", str(r.abandonedOn()));
        m.put("abandonReason", r.abandonReason());
        m.put("sharedCosts", r.sharedCosts().stream().map(Views::cost).toList());
        m.put("sharedCostTotal", money(r.sharedCostTotal()));
        m.put("outcomes", r.outcomes().stream().map(Views::indicator).toList());
        return m;
    }

    static Map<String, Object> cost(CostShare c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("payerSiren", c.payerSiren());
        m.put("amount", money(c.amount()));
        m.put("description", c.description());
        return m;
    }

    static Map<String, Object> support(SupportAction s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", s.id().toString());
        m.put("initiativeId", s.initiativeId().toString());
        m.put("replicationId", s.replicationId() == null ? null : s.replicationId().toString());
        m.put("cohortId", s.cohortId() == null ? null : s.cohortId().toString());
        m.put("kind", s.kind().name());
        m.put("providerSiren", s.providerSiren());
        m.put("providerName", s.providerName());
        m.put("amount", money(s.amount()));
        m.put("receivedOn", s.receivedOn().toString());
        m.put("description", s.description());
        m.put("sourceRef", s.sourceRef());
        return m;
    }

    static Map<String, Object> reach(ReachService.InitiativeReach r) {
        Reach.Figures f = r.figures();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("initiativeId", r.initiative().id().toString());
        m.put("distinctTerritories", f.distinctTerritories());
        m.put("communes", f.communes());
        m.put("population", f.population());
        m.put("liveReplications", r.liveReplications());
        m.put("territories", f.territories().stream().map(t -> {
            Map<String, Object> x = territory(t.territory());
            x.put("coveredBy", t.coveredBy());
            return x;
        }).toList());
        m.put("lineage", r.lineage().stream().map(Views::node).toList());
        return m;
    }

    static Map<String, Object> node(ReachService.Node n) {
        Map<String, Object> m = new LinkedHashMap<>();
        Replication r = n.replication();
        m.put("replicationId", r.id().toString());
        m.put("adopterSiren", r.adopterSiren());
        m.put("territories", r.territories().stream().map(TerritoryRef::key).toList());
        m.put("status", r.status().name());
        m.put("liveOn", str(r.liveOn()));
        m.put("daysFromValidationToLive", n.daysFromValidation());
        m.put("children", n.children().stream().map(Views::node).toList());
        return m;
    }

    static Map<String, Object> page(InitiativePage.Page page) {
        Map<String, Object> m = initiative(page.reach().initiative());
        m.put("reach", reach(page.reach()));
        m.put("supports", page.supports().stream().map(Views::support).toList());
        m.put("funding", page.funding() instanceof FundingLookup.Found found ? funding(found) : null);
        m.put("partial", page.partial());
        m.put("missing", page.missing().stream().map(x -> Map.of("part", x.part(), "reason", x.reason())).toList());
        return m;
    }

    static Map<String, Object> funding(FundingLookup.Found f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("totalAwarded", money(f.totalAwarded()));
        m.put("totalDisbursed", money(f.totalDisbursed()));
        m.put("totalAllocated", money(f.totalAllocated()));
        m.put("currency", "EUR");
        m.put("awards", f.awards().stream().map(a -> {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("awardId", a.awardId());
            x.put("callTitle", a.callTitle());
            x.put("funderName", a.funderName());
            x.put("commonsTitle", a.commonsTitle());
            x.put("amount", money(a.amount()));
            x.put("disbursed", money(a.disbursed()));
            x.put("grantedAt", a.grantedAt());
            return x;
        }).toList());
        m.put("allocations", f.allocations().stream().map(a -> {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("allocationId", a.allocationId());
            x.put("purpose", a.purpose());
            x.put("beneficiaryName", a.beneficiaryName());
            x.put("amount", money(a.amount()));
            x.put("allocatedAt", a.allocatedAt());
            return x;
        }).toList());
        m.put("unknownAwardIds", f.unknownAwardIds());
        return m;
    }

    static Map<String, Object> suggestion(Matching.Suggestion s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("initiativeId", s.initiativeId().toString());
        m.put("title", s.title());
        m.put("neighbours", territories(s.neighbours()));
        m.put("similar", territories(s.similar()));
        return m;
    }

    static Map<String, Object> call(CandidateCall c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", c.id().toString());
        m.put("version", c.version());
        m.put("title", c.title());
        m.put("description", c.description());
        m.put("criteria", c.criteria().stream().map(x -> Map.of("code", x.code(), "label", x.label(), "weight",
                x.weight())).toList());
        m.put("jury", c.jury().stream().map(j -> {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("name", j.name());
            x.put("organisation", j.organisation());
            return x;
        }).toList());
        m.put("opensOn", c.opensOn().toString());
        m.put("closesOn", c.closesOn().toString());
        m.put("capacity", c.capacity());
        m.put("minimumScore", c.minimumScore().setScale(2).toPlainString());
        m.put("supportStart", c.supportStart().toString());
        m.put("supportEnd", c.supportEnd().toString());
        m.put("status", c.status().name());
        return m;
    }

    /** @param withScores the jurors' scores, for the coordinators and the jury only */
    static Map<String, Object> candidacy(Candidacy c, Optional<ProgrammeStore.Ranking> ranking, boolean withScores) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", c.id().toString());
        m.put("version", c.version());
        m.put("callId", c.callId().toString());
        m.put("initiativeId", c.initiativeId().toString());
        m.put("motivation", c.motivation());
        m.put("submittedAt", c.submittedAt().toString());
        m.put("status", c.status().name());
        m.put("score", ranking.map(r -> r.score().setScale(2).toPlainString()).orElse(null));
        m.put("rank", ranking.map(ProgrammeStore.Ranking::rank).orElse(null));
        m.put("jurorsScored", c.scores().size());
        if (withScores) {
            m.put("scores", c.scores());
        }
        return m;
    }

    static Map<String, Object> cohort(Cohort c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", c.id().toString());
        m.put("callId", c.callId().toString());
        m.put("name", c.name());
        m.put("supportStart", c.supportStart().toString());
        m.put("supportEnd", c.supportEnd().toString());
        m.put("initiativeIds", new ArrayList<>(c.initiativeIds().stream().map(Object::toString).toList()));
        return m;
    }

    private static String str(Object o) {
        return o == null ? null : o.toString();
    }
}
