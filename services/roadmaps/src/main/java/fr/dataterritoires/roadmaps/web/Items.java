package fr.dataterritoires.roadmaps.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import fr.dataterritoires.platform.errors.rules.RuleViolation;
import fr.dataterritoires.roadmaps.domain.TerritoryKey;
import fr.dataterritoires.roadmaps.domain.roadmap.Indicator;
import fr.dataterritoires.roadmaps.domain.roadmap.Item;
import fr.dataterritoires.roadmaps.domain.roadmap.ItemContent;
import fr.dataterritoires.roadmaps.domain.roadmap.Milestone;
import fr.dataterritoires.territory.Siren;

/** Items between their API form and the domain. */
final class Items {

    private Items() {
    }

    static Item toDomain(UUID id, ItemBody b) {
        return Item.create(id, b.title(), b.description(), b.parentId(), b.weight(), content(b), b.status(), b.progress(),
                milestones(b.milestones()));
    }

    static List<Milestone> milestones(List<ItemBody.MilestoneBody> raw) {
        return raw == null ? null : raw.stream().map(m -> new Milestone(m.date(), m.title(), m.done())).toList();
    }

    private static <T> T part(T value, String name, ItemBody b) {
        if (value == null) {
            throw RuleViolation.invalid(name, "Un élément " + b.kind() + " décrit son contenu dans « " + name + " ».");
        }
        return value;
    }

    private static ItemContent content(ItemBody b) {
        return switch (b.kind()) {
            case USE_CASE -> {
                ItemBody.UseCaseBody u = part(b.useCase(), "useCase", b);
                yield new ItemContent.UseCase(u.policyDomain(), Inputs.territories(u.territory(), "useCase.territory"),
                        u.expectedOutcome(), u.indicators() == null ? List.of() : u.indicators().stream()
                        .map(i -> new Indicator(i.name(), i.baseline(), i.target(), i.unit(), i.dueDate())).toList());
            }
            case DATASET -> {
                ItemBody.DatasetBody d = part(b.dataset(), "dataset", b);
                yield new ItemContent.DatasetToOpen(d.catalogueDatasetId(), d.targetAccessLevel(), d.targetDate(),
                        Inputs.siren(d.responsibleSiren(), "dataset.responsibleSiren"), d.answers());
            }
            case ROLE_ALLOCATION -> {
                ItemBody.RoleAllocationBody r = part(b.roleAllocation(), "roleAllocation", b);
                yield new ItemContent.RoleAllocation(Inputs.siren(r.organisationSiren(), "roleAllocation.organisationSiren"),
                        r.organisationName(), r.role());
            }
            case FINANCIAL_LINE -> {
                ItemBody.FinancialLineBody f = part(b.financialLine(), "financialLine", b);
                yield new ItemContent.FinancialLine(f.amount(), f.year(), f.source());
            }
            case ACTION -> {
                ItemBody.ActionBody a = part(b.action(), "action", b);
                yield new ItemContent.TerritorialAction(Inputs.territories(a.territory(), "action.territory"),
                        a.deconcentratedServices(), a.requestedFte(), a.requestedAmount());
            }
            case DATA_RETURN -> {
                ItemBody.DataReturnBody d = part(b.dataReturn(), "dataReturn", b);
                yield new ItemContent.DataReturn(d.datasetCollected(), d.currentDelayDays(), d.targetDelayDays());
            }
            case NATIONAL_TOOL -> {
                ItemBody.NationalToolBody t = part(b.nationalTool(), "nationalTool", b);
                yield new ItemContent.NationalTool(t.purpose(), Inputs.sirens(t.partnerSirens(), "nationalTool.partnerSirens"));
            }
        };
    }

    /** The kind's sub-object, with the field names of {@link ItemBody}. */
    static Map<String, Object> content(ItemContent content) {
        Map<String, Object> m = new LinkedHashMap<>();
        switch (content) {
            case ItemContent.UseCase u -> {
                m.put("policyDomain", u.policyDomain());
                m.put("territory", keys(u.territory()));
                m.put("expectedOutcome", u.expectedOutcome());
                m.put("indicators", u.indicators());
            }
            case ItemContent.DatasetToOpen d -> {
                m.put("catalogueDatasetId", d.catalogueDatasetId());
                m.put("toBeProduced", d.isToBeProduced());
                m.put("targetAccessLevel", d.targetAccessLevel());
                m.put("targetDate", d.targetDate());
                m.put("responsibleSiren", d.responsibleSiren().value());
                m.put("answers", d.answers());
            }
            case ItemContent.RoleAllocation r -> {
                m.put("organisationSiren", r.organisationSiren().value());
                m.put("organisationName", r.organisationName());
                m.put("role", r.role());
            }
            case ItemContent.FinancialLine f -> {
                m.put("amount", f.amount());
                m.put("year", f.year());
                m.put("source", f.source());
            }
            case ItemContent.TerritorialAction a -> {
                m.put("territory", keys(a.territory()));
                m.put("deconcentratedServices", a.deconcentratedServices());
                m.put("requestedFte", a.requestedFte());
                m.put("requestedAmount", a.requestedAmount());
            }
            case ItemContent.DataReturn d -> {
                m.put("datasetCollected", d.datasetCollected());
                m.put("currentDelayDays", d.currentDelayDays());
                m.put("targetDelayDays", d.targetDelayDays());
            }
            case ItemContent.NationalTool t -> {
                m.put("purpose", t.purpose());
                m.put("partnerSirens", t.partnerSirens().stream().map(Siren::value).toList());
            }
        }
        return m;
    }

    /** The JSON name of a kind's sub-object. */
    static String partName(ItemContent content) {
        return switch (content) {
            case ItemContent.UseCase u -> "useCase";
            case ItemContent.DatasetToOpen d -> "dataset";
            case ItemContent.RoleAllocation r -> "roleAllocation";
            case ItemContent.FinancialLine f -> "financialLine";
            case ItemContent.TerritorialAction a -> "action";
            case ItemContent.DataReturn d -> "dataReturn";
            case ItemContent.NationalTool t -> "nationalTool";
        };
    }

    private static List<String> keys(java.util.Set<TerritoryKey> keys) {
        return keys.stream().map(TerritoryKey::key).sorted().toList();
    }
}
