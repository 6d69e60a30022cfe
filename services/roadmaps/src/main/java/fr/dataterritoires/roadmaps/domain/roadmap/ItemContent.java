package fr.dataterritoires.roadmaps.domain.roadmap;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import fr.dataterritoires.platform.errors.rules.Checks;
import fr.dataterritoires.platform.errors.rules.RuleViolation;
import fr.dataterritoires.roadmaps.domain.TerritoryKey;
import fr.dataterritoires.territory.Siren;

/** What an item says, by kind. Field names in failures are those of the API ({@code useCase.policyDomain}...). */
public sealed interface ItemContent permits ItemContent.UseCase, ItemContent.DatasetToOpen, ItemContent.RoleAllocation,
        ItemContent.FinancialLine, ItemContent.TerritorialAction, ItemContent.DataReturn, ItemContent.NationalTool {

    ItemKind kind();

    /** The fields as text, for version snapshots and diffs. */
    Map<String, String> fields();

    /** The amount asked of the national instance, for arbitrated kinds; null otherwise. */
    default BigDecimal requestedAmount() {
        return null;
    }

    /** Territories the item concerns (for the checks against the committee's région). */
    default Set<TerritoryKey> territories() {
        return Set.of();
    }

    /** A priority use case: policy domain, relevant territory, expected outcome, indicators. */
    record UseCase(String policyDomain, Set<TerritoryKey> territory, String expectedOutcome,
                   List<Indicator> indicators) implements ItemContent {
        public UseCase {
            policyDomain = Checks.required(policyDomain, "useCase.policyDomain", 200);
            territory = Set.copyOf(territory == null ? Set.of() : territory);
            expectedOutcome = Checks.required(expectedOutcome, "useCase.expectedOutcome", 4000);
            indicators = Checks.list(indicators, "useCase.indicators", Indicator.MAX);
        }

        @Override
        public ItemKind kind() {
            return ItemKind.USE_CASE;
        }

        @Override
        public Set<TerritoryKey> territories() {
            return territory;
        }

        @Override
        public Map<String, String> fields() {
            Map<String, String> f = new LinkedHashMap<>();
            f.put("policyDomain", policyDomain);
            f.put("territory", keys(territory));
            f.put("expectedOutcome", expectedOutcome);
            for (int i = 0; i < indicators.size(); i++) {
                Indicator ind = indicators.get(i);
                f.put("indicators[" + i + "]", ind.name() + " | " + ind.baseline().toPlainString() + " → "
                        + ind.target().toPlainString() + " " + ind.unit() + " | " + ind.dueDate());
            }
            return f;
        }
    }

    /**
     * A dataset to open or share: a dataset of the catalogue ({@code catalogueDatasetId}, resolved through
     * dataset-search) or, when that is null, one still to be produced (the item's title names it).
     */
    record DatasetToOpen(String catalogueDatasetId, AccessLevel targetAccessLevel, LocalDate targetDate,
                         Siren responsibleSiren, PriorityOrigin answers) implements ItemContent {
        public static final int REFERENCE_MAX = 2000;

        public DatasetToOpen {
            catalogueDatasetId = Checks.optional(catalogueDatasetId, "dataset.catalogueDatasetId", REFERENCE_MAX);
            Checks.notNull(targetAccessLevel, "dataset.targetAccessLevel");
            Checks.notNull(targetDate, "dataset.targetDate");
            Checks.notNull(responsibleSiren, "dataset.responsibleSiren");
            Checks.notNull(answers, "dataset.answers");
        }

        public boolean isToBeProduced() {
            return catalogueDatasetId == null;
        }

        @Override
        public ItemKind kind() {
            return ItemKind.DATASET;
        }

        @Override
        public Map<String, String> fields() {
            Map<String, String> f = new LinkedHashMap<>();
            f.put("catalogueDatasetId", catalogueDatasetId == null ? "" : catalogueDatasetId);
            f.put("targetAccessLevel", targetAccessLevel.name());
            f.put("targetDate", targetDate.toString());
            f.put("responsibleSiren", responsibleSiren.value());
            f.put("answers", answers.name());
            return f;
        }
    }

    /** Who does what: an organisation and its role. */
    record RoleAllocation(Siren organisationSiren, String organisationName, DataRole role) implements ItemContent {
        public RoleAllocation {
            Checks.notNull(organisationSiren, "roleAllocation.organisationSiren");
            organisationName = Checks.required(organisationName, "roleAllocation.organisationName", 200);
            Checks.notNull(role, "roleAllocation.role");
        }

        @Override
        public ItemKind kind() {
            return ItemKind.ROLE_ALLOCATION;
        }

        @Override
        public Map<String, String> fields() {
            Map<String, String> f = new LinkedHashMap<>();
            f.put("organisationSiren", organisationSiren.value());
            f.put("organisationName", organisationName);
            f.put("role", role.name());
            return f;
        }
    }

    /** A budget line: an exact amount in euros, a year, a source. */
    record FinancialLine(BigDecimal amount, int year, FundingSource source) implements ItemContent {
        public FinancialLine {
            amount = Checks.euros(amount, "financialLine.amount");
            Checks.year(year, "financialLine.year");
            Checks.notNull(source, "financialLine.source");
        }

        @Override
        public ItemKind kind() {
            return ItemKind.FINANCIAL_LINE;
        }

        @Override
        public BigDecimal requestedAmount() {
            return amount;
        }

        @Override
        public Map<String, String> fields() {
            Map<String, String> f = new LinkedHashMap<>();
            f.put("amount", amount.toPlainString());
            f.put("year", String.valueOf(year));
            f.put("source", source.name());
            return f;
        }
    }

    /** A ministry's action on territories: which, with which deconcentrated services, for which resources. */
    record TerritorialAction(Set<TerritoryKey> territory, List<String> deconcentratedServices, BigDecimal requestedFte,
                             BigDecimal requestedAmount) implements ItemContent {
        public TerritorialAction {
            territory = Set.copyOf(territory == null ? Set.of() : territory);
            if (territory.isEmpty()) {
                throw RuleViolation.invalid("action.territory",
                        "Une action nomme au moins un territoire concerné (action.territory).");
            }
            deconcentratedServices = Checks.list(deconcentratedServices, "action.deconcentratedServices", 50).stream()
                    .map(s -> Checks.required(s, "action.deconcentratedServices", 200)).toList();
            requestedFte = Checks.fte(requestedFte, "action.requestedFte");
            requestedAmount = Checks.euros(requestedAmount, "action.requestedAmount");
        }

        @Override
        public ItemKind kind() {
            return ItemKind.ACTION;
        }

        @Override
        public Set<TerritoryKey> territories() {
            return territory;
        }

        @Override
        public Map<String, String> fields() {
            Map<String, String> f = new LinkedHashMap<>();
            f.put("territory", keys(territory));
            f.put("deconcentratedServices", String.join(", ", deconcentratedServices));
            f.put("requestedFte", requestedFte.toPlainString());
            f.put("requestedAmount", requestedAmount.toPlainString());
            return f;
        }
    }

    /** A ministry's commitment to give back to local authorities, faster, a dataset it collects from them. */
    record DataReturn(String datasetCollected, int currentDelayDays, int targetDelayDays) implements ItemContent {
        public DataReturn {
            datasetCollected = Checks.required(datasetCollected, "dataReturn.datasetCollected", 500);
            if (currentDelayDays < 0 || currentDelayDays > 3650) {
                throw RuleViolation.invalid("dataReturn.currentDelayDays",
                        "Le délai actuel (dataReturn.currentDelayDays) est un nombre de jours entre 0 et 3650.");
            }
            if (targetDelayDays < 0 || targetDelayDays > currentDelayDays) {
                throw RuleViolation.invalid("dataReturn.targetDelayDays", "Le délai cible "
                        + "(dataReturn.targetDelayDays) est un nombre de jours positif, au plus le délai actuel ("
                        + currentDelayDays + ").");
            }
        }

        @Override
        public ItemKind kind() {
            return ItemKind.DATA_RETURN;
        }

        @Override
        public Map<String, String> fields() {
            Map<String, String> f = new LinkedHashMap<>();
            f.put("datasetCollected", datasetCollected);
            f.put("currentDelayDays", String.valueOf(currentDelayDays));
            f.put("targetDelayDays", String.valueOf(targetDelayDays));
            return f;
        }
    }

    /** A national tool co-built with local authorities (their SIREN). */
    record NationalTool(String purpose, List<Siren> partnerSirens) implements ItemContent {
        public NationalTool {
            purpose = Checks.required(purpose, "nationalTool.purpose", 2000);
            partnerSirens = Checks.list(partnerSirens, "nationalTool.partnerSirens", 200);
        }

        @Override
        public ItemKind kind() {
            return ItemKind.NATIONAL_TOOL;
        }

        @Override
        public Map<String, String> fields() {
            Map<String, String> f = new LinkedHashMap<>();
            f.put("purpose", purpose);
            f.put("partnerSirens", partnerSirens.stream().map(Siren::value).sorted().collect(Collectors.joining(", ")));
            return f;
        }
    }

    private static String keys(Set<TerritoryKey> keys) {
        return keys.stream().map(TerritoryKey::key).sorted().collect(Collectors.joining(", "));
    }
}
