package fr.dataterritoires.commonscalls.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import fr.dataterritoires.platform.errors.rules.RuleViolation;
import fr.dataterritoires.territory.Siren;

/**
 * What an application proposes: the consortium (lead and members by SIREN), the commons and its open licence, the
 * requested amount with its budget breakdown, the ethics charter and labels [R19], the sustainability plan, the
 * conditions of its replication, its territories, declarations and an optional roadmap item it answers.
 */
public record Proposal(List<ConsortiumMember> consortium, Commons commons, BigDecimal requestedAmount,
                       List<BudgetLine> budget, String ethicsCharter, List<String> labels, String sustainabilityPlan,
                       String replicationConditions, List<String> territories, List<String> declarations,
                       RoadmapItem roadmapItem) {

    public record Commons(String title, CommonsKind kind, String summary, String licence, String repositoryUrl,
                          List<String> schemas) {
        public Commons {
            if (title == null || title.isBlank() || title.length() > 300) {
                throw RuleViolation.invalid("commons.title", "titre du commun obligatoire (300 caractères au plus)");
            }
            if (kind == null) {
                throw RuleViolation.invalid("commons.kind", "type de commun obligatoire");
            }
            summary = summary == null ? "" : summary;
            if (summary.length() > 4000) {
                throw RuleViolation.invalid("commons.summary", "4000 caractères au plus");
            }
            if (!OpenLicence.isOpen(licence)) {
                throw RuleViolation.invalid("commons.licence", "licence ouverte attendue, parmi : "
                        + String.join(", ", OpenLicence.ACCEPTED));
            }
            if (repositoryUrl != null && !repositoryUrl.isBlank()
                    && (!repositoryUrl.matches("https?://\\S+") || repositoryUrl.length() > 500)) {
                throw RuleViolation.invalid("commons.repositoryUrl", "adresse http ou https attendue");
            }
            schemas = schemas == null ? List.of() : List.copyOf(schemas);
        }
    }

    /** A line of the budget breakdown: what the money pays for. */
    public record BudgetLine(String label, BigDecimal amount) {
        public BudgetLine {
            if (label == null || label.isBlank() || label.length() > 300) {
                throw RuleViolation.invalid("budget.label", "libellé de poste obligatoire (300 caractères au plus)");
            }
            amount = Money.positive("budget.amount", amount);
        }
    }

    /** The item of a roadmap (in the roadmaps service) the application answers. */
    public record RoadmapItem(UUID roadmapId, UUID itemId) {
        public RoadmapItem {
            if (roadmapId == null || itemId == null) {
                throw RuleViolation.invalid("roadmapItem", "roadmapId et itemId sont tous deux obligatoires");
            }
        }
    }

    public Proposal {
        if (consortium == null || consortium.isEmpty()) {
            throw RuleViolation.invalid("consortium", "le consortium compte au moins son chef de file");
        }
        if (consortium.size() > 51) {
            throw RuleViolation.invalid("consortium", "50 membres au plus en plus du chef de file");
        }
        long leads = consortium.stream().filter(m -> m.role() == ConsortiumMember.Role.LEAD).count();
        if (leads != 1) {
            throw RuleViolation.invalid("consortium", "le consortium a exactement un chef de file (LEAD)");
        }
        Set<Siren> sirens = new HashSet<>();
        for (ConsortiumMember m : consortium) {
            if (!sirens.add(m.siren())) {
                throw RuleViolation.invalid("consortium", "organisation en double dans le consortium : " + m.siren());
            }
        }
        consortium = List.copyOf(consortium);
        if (commons == null) {
            throw RuleViolation.invalid("commons", "le commun proposé est obligatoire");
        }
        requestedAmount = Money.positive("requestedAmount", requestedAmount);
        if (budget == null || budget.isEmpty()) {
            throw RuleViolation.invalid("budget", "le budget détaillé compte au moins un poste");
        }
        budget = List.copyOf(budget);
        ethicsCharter = blankToNull(ethicsCharter);
        if (ethicsCharter != null && ethicsCharter.length() > 300) {
            throw RuleViolation.invalid("ethicsCharter", "300 caractères au plus");
        }
        labels = labels == null ? List.of() : List.copyOf(labels);
        for (String l : labels) {
            if (l == null || l.isBlank() || l.length() > 200) {
                throw RuleViolation.invalid("labels", "libellé de label non vide, 200 caractères au plus");
            }
        }
        sustainabilityPlan = blankToNull(sustainabilityPlan);
        replicationConditions = blankToNull(replicationConditions);
        check("sustainabilityPlan", sustainabilityPlan);
        check("replicationConditions", replicationConditions);
        territories = TerritoryScope.codes("territories", territories);
        declarations = declarations == null ? List.of() : List.copyOf(new java.util.LinkedHashSet<>(declarations));
    }

    public ConsortiumMember lead() {
        return consortium.stream().filter(m -> m.role() == ConsortiumMember.Role.LEAD).findFirst().orElseThrow();
    }

    public List<Siren> memberSirens() {
        List<Siren> members = new ArrayList<>();
        consortium.stream().filter(m -> m.role() == ConsortiumMember.Role.MEMBER).forEach(m -> members.add(m.siren()));
        return members;
    }

    /** Whether the organisation is in the consortium (lead or member): its people have a conflict of interest. */
    public boolean involves(Siren siren) {
        return siren != null && consortium.stream().anyMatch(m -> m.siren().equals(siren));
    }

    /** Total cost of the project: the sum of the budget breakdown. */
    public BigDecimal totalCost() {
        return budget.stream().map(BudgetLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static void check(String field, String text) {
        if (text != null && text.length() > 10000) {
            throw RuleViolation.invalid(field, "10000 caractères au plus");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
