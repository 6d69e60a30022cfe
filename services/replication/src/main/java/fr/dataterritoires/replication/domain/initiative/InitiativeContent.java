package fr.dataterritoires.replication.domain.initiative;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import fr.dataterritoires.platform.errors.rules.Checks;
import fr.dataterritoires.platform.errors.rules.RuleViolation;
import fr.dataterritoires.replication.domain.TerritoryRef;

/**
 * What an initiative says about itself, editable by its lead: title, the problem it solves, policy domain,
 * territories of the experiment, the commons it relies on, evidence of success (indicators), ethics charter and
 * labels, annual running cost (euros, two decimals, never rounded), skills needed and the replication kit.
 */
public record InitiativeContent(String title, String problem, String policyDomain, Set<TerritoryRef> territories,
        CommonsUsed commons, List<Indicator> indicators, String ethicsCharter, List<String> labels,
        BigDecimal annualRunningCost, List<String> skills, ReplicationKit kit) {

    public InitiativeContent {
        title = Checks.required(title, "title", 300);
        problem = Checks.optional(problem, "problem", 4000);
        policyDomain = Checks.required(policyDomain, "policyDomain", 100);
        territories = territories == null ? Set.of() : java.util.Collections.unmodifiableSet(new TreeSet<>(territories));
        if (territories.size() > TerritoryRef.MAX_PER_SET) {
            throw RuleViolation.invalid("territories",
                    "Au plus " + TerritoryRef.MAX_PER_SET + " territoires.");
        }
        indicators = Checks.list(indicators, "indicators", 50);
        ethicsCharter = Checks.optional(ethicsCharter, "ethicsCharter", 300);
        labels = Checks.strings(labels, "labels", 30, 200);
        annualRunningCost = Checks.optionalEuros(annualRunningCost, "annualRunningCost");
        skills = Checks.strings(skills, "skills", 30, 200);
        kit = kit == null ? ReplicationKit.empty() : kit;
    }

    /** Refuses an evaluation dated after {@code today}: results announced for later are no evidence. */
    public InitiativeContent requireEvaluationsDone(LocalDate today) {
        for (int i = 0; i < indicators.size(); i++) {
            Evaluation.requireDone(indicators.get(i).evaluation(), today, "indicators[" + i + "].evaluation.evaluatedOn");
        }
        return this;
    }
}
