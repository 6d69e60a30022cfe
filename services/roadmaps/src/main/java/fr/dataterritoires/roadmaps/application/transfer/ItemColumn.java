package fr.dataterritoires.roadmaps.application.transfer;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import fr.dataterritoires.roadmaps.domain.roadmap.ItemKind;

/**
 * The columns of a roadmap item file, the same for import and export, in CSV (one column each) and JSON (one key
 * each). Names are those of the item API ({@code financialLine.amount}...), so that a refusal names the same field
 * whichever way the item came in. Kind-specific columns stay empty for the other kinds.
 */
public enum ItemColumn {
    REFERENCE("reference", Type.TEXT, null),
    PARENT_REFERENCE("parentReference", Type.TEXT, null),
    KIND("kind", Type.TEXT, null),
    TITLE("title", Type.TEXT, null),
    DESCRIPTION("description", Type.TEXT, null),
    WEIGHT("weight", Type.TEXT, null),
    STATUS("status", Type.TEXT, null),
    PROGRESS("progress", Type.TEXT, null),
    MILESTONES("milestones", Type.STRUCTURED, null),
    USE_CASE_POLICY_DOMAIN("useCase.policyDomain", Type.TEXT, ItemKind.USE_CASE),
    USE_CASE_TERRITORY("useCase.territory", Type.LIST, ItemKind.USE_CASE),
    USE_CASE_EXPECTED_OUTCOME("useCase.expectedOutcome", Type.TEXT, ItemKind.USE_CASE),
    USE_CASE_INDICATORS("useCase.indicators", Type.STRUCTURED, ItemKind.USE_CASE),
    DATASET_CATALOGUE_ID("dataset.catalogueDatasetId", Type.TEXT, ItemKind.DATASET),
    DATASET_ACCESS_LEVEL("dataset.targetAccessLevel", Type.TEXT, ItemKind.DATASET),
    DATASET_TARGET_DATE("dataset.targetDate", Type.TEXT, ItemKind.DATASET),
    DATASET_RESPONSIBLE_SIREN("dataset.responsibleSiren", Type.TEXT, ItemKind.DATASET),
    DATASET_ANSWERS("dataset.answers", Type.TEXT, ItemKind.DATASET),
    ROLE_SIREN("roleAllocation.organisationSiren", Type.TEXT, ItemKind.ROLE_ALLOCATION),
    ROLE_NAME("roleAllocation.organisationName", Type.TEXT, ItemKind.ROLE_ALLOCATION),
    ROLE_ROLE("roleAllocation.role", Type.TEXT, ItemKind.ROLE_ALLOCATION),
    FINANCIAL_AMOUNT("financialLine.amount", Type.DECIMAL, ItemKind.FINANCIAL_LINE),
    FINANCIAL_YEAR("financialLine.year", Type.TEXT, ItemKind.FINANCIAL_LINE),
    FINANCIAL_SOURCE("financialLine.source", Type.TEXT, ItemKind.FINANCIAL_LINE),
    ACTION_TERRITORY("action.territory", Type.LIST, ItemKind.ACTION),
    ACTION_SERVICES("action.deconcentratedServices", Type.LIST, ItemKind.ACTION),
    ACTION_FTE("action.requestedFte", Type.DECIMAL, ItemKind.ACTION),
    ACTION_AMOUNT("action.requestedAmount", Type.DECIMAL, ItemKind.ACTION),
    DATA_RETURN_DATASET("dataReturn.datasetCollected", Type.TEXT, ItemKind.DATA_RETURN),
    DATA_RETURN_CURRENT("dataReturn.currentDelayDays", Type.TEXT, ItemKind.DATA_RETURN),
    DATA_RETURN_TARGET("dataReturn.targetDelayDays", Type.TEXT, ItemKind.DATA_RETURN),
    TOOL_PURPOSE("nationalTool.purpose", Type.TEXT, ItemKind.NATIONAL_TOOL),
    TOOL_PARTNERS("nationalTool.partnerSirens", Type.LIST, ItemKind.NATIONAL_TOOL);

    /**
     * How a cell is written: {@code TEXT} as is; {@code DECIMAL} with a decimal point in JSON and a decimal comma in
     * CSV (French spreadsheets), both read back; {@code LIST} values joined by {@value #LIST_SEPARATOR} in CSV, an
     * array of strings in JSON; {@code STRUCTURED} a JSON array of objects (as text in a CSV cell).
     */
    public enum Type {
        TEXT, DECIMAL, LIST, STRUCTURED
    }

    public static final String LIST_SEPARATOR = " | ";

    private static final Map<String, ItemColumn> BY_NAME = Arrays.stream(values())
            .collect(Collectors.toMap(ItemColumn::header, Function.identity()));

    private final String header;
    private final Type type;
    private final ItemKind kind;

    ItemColumn(String header, Type type, ItemKind kind) {
        this.header = header;
        this.type = type;
        this.kind = kind;
    }

    public String header() {
        return header;
    }

    public Type type() {
        return type;
    }

    /** The kind this column belongs to; null for the columns common to every kind. */
    public ItemKind kind() {
        return kind;
    }

    public static Optional<ItemColumn> byHeader(String header) {
        return Optional.ofNullable(BY_NAME.get(header == null ? null : header.strip()));
    }

    public static List<String> headers() {
        return Arrays.stream(values()).map(ItemColumn::header).toList();
    }
}
