package fr.dataterritoires.roadmaps.application.transfer;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import fr.dataterritoires.contracts.events.CloudEvents;
import fr.dataterritoires.platform.errors.rules.Checks;
import fr.dataterritoires.platform.errors.rules.RuleViolation;
import fr.dataterritoires.roadmaps.domain.TerritoryKey;
import fr.dataterritoires.roadmaps.domain.roadmap.AccessLevel;
import fr.dataterritoires.roadmaps.domain.roadmap.DataRole;
import fr.dataterritoires.roadmaps.domain.roadmap.FundingSource;
import fr.dataterritoires.roadmaps.domain.roadmap.Indicator;
import fr.dataterritoires.roadmaps.domain.roadmap.Item;
import fr.dataterritoires.roadmaps.domain.roadmap.ItemContent;
import fr.dataterritoires.roadmaps.domain.roadmap.ItemKind;
import fr.dataterritoires.roadmaps.domain.roadmap.ItemStatus;
import fr.dataterritoires.roadmaps.domain.roadmap.Milestone;
import fr.dataterritoires.roadmaps.domain.roadmap.PriorityOrigin;
import fr.dataterritoires.territory.Siren;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Items to rows and back. A row holds each cell in its canonical text (decimal point, list values joined by
 * {@link ItemColumn#LIST_SEPARATOR}, structured cells as JSON); the file formats only change the presentation.
 * Reading a row collects every cell error of the line (field = column name, reason in French) before building the item.
 */
public final class ItemRows {

    private static final JsonMapper MAPPER = CloudEvents.mapper();
    private static final Pattern LIST_SPLIT = Pattern.compile("\\s*\\|\\s*");
    private static final Pattern CODE_SPLIT = Pattern.compile("\\s*[|,]\\s*");
    private static final DateTimeFormatter FRENCH_DATE = DateTimeFormatter.ofPattern("dd/MM/uuuu");
    public static final int REFERENCE_MAX = 100;

    private ItemRows() {
    }

    /** One line of an item file: its number (as the user sees it) and its cells, empty ones left out. */
    public record Row(int line, Map<ItemColumn, String> cells) {
        public Row {
            Map<ItemColumn, String> copy = new EnumMap<>(ItemColumn.class);
            cells.forEach((k, v) -> {
                if (v != null && !v.isBlank()) {
                    copy.put(k, v.strip());
                }
            });
            cells = copy;
        }

        public String get(ItemColumn column) {
            return cells.get(column);
        }
    }

    /** A refused cell or line. */
    public record LineError(int line, String field, String message) {
    }

    /** What a valid line says, before its parent is resolved. */
    public record Parsed(int line, String reference, String parentReference, String title, String description,
                         Integer weight, ItemStatus status, Integer progress, List<Milestone> milestones,
                         ItemContent content) {

        public Item toItem(UUID id, UUID parentId) {
            return Item.create(id, title, description, parentId, weight, content, status, progress, milestones);
        }
    }

    // ---- export -----------------------------------------------------------------------------------------------

    /**
     * The row of an item. {@code reference} is the item's id, {@code parentReference} its parent's; the progress of
     * an item with sub-items is left empty (it is computed, and an import refuses it).
     */
    public static Row toRow(Item item, boolean hasChildren) {
        Map<ItemColumn, String> c = new EnumMap<>(ItemColumn.class);
        c.put(ItemColumn.REFERENCE, item.id().toString());
        c.put(ItemColumn.PARENT_REFERENCE, item.parentId() == null ? null : item.parentId().toString());
        c.put(ItemColumn.KIND, item.kind().name());
        c.put(ItemColumn.TITLE, item.title());
        c.put(ItemColumn.DESCRIPTION, item.description());
        c.put(ItemColumn.WEIGHT, String.valueOf(item.weight()));
        c.put(ItemColumn.STATUS, item.status().name());
        c.put(ItemColumn.PROGRESS, hasChildren ? null : String.valueOf(item.progress()));
        c.put(ItemColumn.MILESTONES, item.milestones().isEmpty() ? null : milestonesJson(item.milestones()));
        switch (item.content()) {
            case ItemContent.UseCase u -> {
                c.put(ItemColumn.USE_CASE_POLICY_DOMAIN, u.policyDomain());
                c.put(ItemColumn.USE_CASE_TERRITORY, keys(u.territory()));
                c.put(ItemColumn.USE_CASE_EXPECTED_OUTCOME, u.expectedOutcome());
                c.put(ItemColumn.USE_CASE_INDICATORS, u.indicators().isEmpty() ? null : indicatorsJson(u.indicators()));
            }
            case ItemContent.DatasetToOpen d -> {
                c.put(ItemColumn.DATASET_CATALOGUE_ID, d.catalogueDatasetId());
                c.put(ItemColumn.DATASET_ACCESS_LEVEL, d.targetAccessLevel().name());
                c.put(ItemColumn.DATASET_TARGET_DATE, d.targetDate().toString());
                c.put(ItemColumn.DATASET_RESPONSIBLE_SIREN, d.responsibleSiren().value());
                c.put(ItemColumn.DATASET_ANSWERS, d.answers().name());
            }
            case ItemContent.RoleAllocation r -> {
                c.put(ItemColumn.ROLE_SIREN, r.organisationSiren().value());
                c.put(ItemColumn.ROLE_NAME, r.organisationName());
                c.put(ItemColumn.ROLE_ROLE, r.role().name());
            }
            case ItemContent.FinancialLine f -> {
                c.put(ItemColumn.FINANCIAL_AMOUNT, f.amount().toPlainString());
                c.put(ItemColumn.FINANCIAL_YEAR, String.valueOf(f.year()));
                c.put(ItemColumn.FINANCIAL_SOURCE, f.source().name());
            }
            case ItemContent.TerritorialAction a -> {
                c.put(ItemColumn.ACTION_TERRITORY, keys(a.territory()));
                c.put(ItemColumn.ACTION_SERVICES, String.join(ItemColumn.LIST_SEPARATOR, a.deconcentratedServices()));
                c.put(ItemColumn.ACTION_FTE, a.requestedFte().toPlainString());
                c.put(ItemColumn.ACTION_AMOUNT, a.requestedAmount().toPlainString());
            }
            case ItemContent.DataReturn d -> {
                c.put(ItemColumn.DATA_RETURN_DATASET, d.datasetCollected());
                c.put(ItemColumn.DATA_RETURN_CURRENT, String.valueOf(d.currentDelayDays()));
                c.put(ItemColumn.DATA_RETURN_TARGET, String.valueOf(d.targetDelayDays()));
            }
            case ItemContent.NationalTool t -> {
                c.put(ItemColumn.TOOL_PURPOSE, t.purpose());
                c.put(ItemColumn.TOOL_PARTNERS, t.partnerSirens().stream().map(Siren::value)
                        .collect(Collectors.joining(ItemColumn.LIST_SEPARATOR)));
            }
        }
        return new Row(0, c);
    }

    private static String keys(Set<TerritoryKey> keys) {
        return keys.stream().map(TerritoryKey::key).sorted().collect(Collectors.joining(ItemColumn.LIST_SEPARATOR));
    }

    private static String milestonesJson(List<Milestone> milestones) {
        ArrayNode array = MAPPER.createArrayNode();
        for (Milestone m : milestones) {
            ObjectNode o = array.addObject();
            o.put("date", m.date().toString());
            o.put("title", m.title());
            o.put("done", m.done());
        }
        return MAPPER.writeValueAsString(array);
    }

    private static String indicatorsJson(List<Indicator> indicators) {
        ArrayNode array = MAPPER.createArrayNode();
        for (Indicator i : indicators) {
            ObjectNode o = array.addObject();
            o.put("name", i.name());
            o.put("baseline", i.baseline().toPlainString());
            o.put("target", i.target().toPlainString());
            o.put("unit", i.unit());
            o.put("dueDate", i.dueDate().toString());
        }
        return MAPPER.writeValueAsString(array);
    }

    // ---- import -----------------------------------------------------------------------------------------------

    /** Reads a row; every refused cell goes to {@code errors}, and the result is null when there is one. */
    public static Parsed read(Row row, List<LineError> errors) {
        Reader r = new Reader(row, errors);
        int before = errors.size();
        String reference = r.text(ItemColumn.REFERENCE, REFERENCE_MAX);
        String parentReference = r.text(ItemColumn.PARENT_REFERENCE, REFERENCE_MAX);
        ItemKind kind = r.required(ItemColumn.KIND) == null ? null : r.enumOf(ItemColumn.KIND, ItemKind.class);
        String title = r.required(ItemColumn.TITLE);
        String description = row.get(ItemColumn.DESCRIPTION);
        Integer weight = r.integer(ItemColumn.WEIGHT);
        ItemStatus status = r.enumOf(ItemColumn.STATUS, ItemStatus.class);
        Integer progress = r.integer(ItemColumn.PROGRESS);
        List<Milestone> milestones = r.milestones();
        if (kind != null) {
            for (ItemColumn column : ItemColumn.values()) {
                if (column.kind() != null && column.kind() != kind && row.get(column) != null) {
                    r.error(column, "La colonne « " + column.header() + " » ne concerne pas un élément " + kind
                            + " : laissez-la vide.");
                }
            }
        }
        ItemContent content = kind == null ? null : r.content(kind);
        if (errors.size() > before) {
            return null;
        }
        return new Parsed(row.line(), reference, parentReference, title, description, weight, status, progress,
                milestones, content);
    }

    /** Reads cells, recording their errors instead of stopping at the first. */
    private static final class Reader {
        private final Row row;
        private final List<LineError> errors;

        Reader(Row row, List<LineError> errors) {
            this.row = row;
            this.errors = errors;
        }

        void error(ItemColumn column, String message) {
            errors.add(new LineError(row.line(), column.header(), message));
        }

        void error(String field, String message) {
            errors.add(new LineError(row.line(), field, message));
        }

        String required(ItemColumn column) {
            String value = row.get(column);
            if (value == null) {
                error(column, "La colonne « " + column.header() + " » est obligatoire.");
            }
            return value;
        }

        String text(ItemColumn column, int max) {
            String value = row.get(column);
            if (value != null && value.length() > max) {
                error(column, "La colonne « " + column.header() + " » dépasse " + max + " caractères.");
                return null;
            }
            return value;
        }

        <E extends Enum<E>> E enumOf(ItemColumn column, Class<E> type) {
            String value = row.get(column);
            if (value == null) {
                return null;
            }
            try {
                return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                error(column, "« " + value + " » n'est pas une valeur de " + column.header() + " : "
                        + java.util.Arrays.stream(type.getEnumConstants()).map(Enum::name)
                        .collect(Collectors.joining(", ")) + ".");
                return null;
            }
        }

        Integer integer(ItemColumn column) {
            String value = row.get(column);
            if (value == null) {
                return null;
            }
            try {
                return Integer.valueOf(value);
            } catch (NumberFormatException e) {
                error(column, "« " + value + " » n'est pas un nombre entier (" + column.header() + ").");
                return null;
            }
        }

        BigDecimal decimal(ItemColumn column) {
            String value = required(column);
            if (value == null) {
                return null;
            }
            String normalised = value.replace(" ", "").replace("\u00a0", "").replace("\u202f", "").replace(',', '.');
            try {
                return new BigDecimal(normalised);
            } catch (NumberFormatException e) {
                error(column, "« " + value + " » n'est pas un nombre décimal (" + column.header()
                        + ") : écrivez par exemple 1234,56 ou 1234.56.");
                return null;
            }
        }

        LocalDate date(ItemColumn column) {
            String value = required(column);
            return value == null ? null : parseDate(value, column.header());
        }

        LocalDate parseDate(String value, String field) {
            try {
                LocalDate date = value.contains("/") ? LocalDate.parse(value, FRENCH_DATE) : LocalDate.parse(value);
                // the bounds of every date of a request (Checks.date), here a line's error like any other
                String outOfBounds = Checks.dateError(date, Checks.today());
                if (outOfBounds != null) {
                    error(field, "La date « " + field + " » est " + outOfBounds + ".");
                    return null;
                }
                return date;
            } catch (DateTimeParseException e) {
                error(field, "« " + value + " » n'est pas une date (" + field + ") : AAAA-MM-JJ ou JJ/MM/AAAA.");
                return null;
            }
        }

        List<String> list(ItemColumn column, Pattern separator) {
            String value = row.get(column);
            if (value == null) {
                return List.of();
            }
            return java.util.Arrays.stream(separator.split(value)).filter(s -> !s.isBlank()).toList();
        }

        Set<TerritoryKey> territories(ItemColumn column) {
            try {
                return TerritoryKey.parseAll(list(column, CODE_SPLIT), column.header());
            } catch (RuleViolation e) {
                error(e.field(), e.getMessage());
                return null;
            }
        }

        Siren siren(ItemColumn column, String raw) {
            if (raw == null) {
                return null;
            }
            try {
                return Siren.parse(raw);
            } catch (IllegalArgumentException e) {
                error(column, "SIREN (" + column.header() + ") : " + e.getMessage());
                return null;
            }
        }

        ArrayNode array(ItemColumn column) {
            String value = row.get(column);
            if (value == null) {
                return null;
            }
            try {
                JsonNode node = MAPPER.readTree(value);
                if (node.isArray()) {
                    return (ArrayNode) node;
                }
            } catch (JacksonException e) {
                // reported below
            }
            error(column, "La colonne « " + column.header() + " » attend une liste JSON, par exemple "
                    + (column == ItemColumn.MILESTONES
                    ? "[{\"date\":\"2026-06-30\",\"title\":\"Lancement\",\"done\":false}]."
                    : "[{\"name\":\"Communes couvertes\",\"baseline\":\"0\",\"target\":\"100\",\"unit\":\"%\",\"dueDate\":\"2027-12-31\"}]."));
            return null;
        }

        List<Milestone> milestones() {
            ArrayNode array = array(ItemColumn.MILESTONES);
            if (array == null) {
                return row.get(ItemColumn.MILESTONES) == null ? List.of() : null;
            }
            List<Milestone> out = new ArrayList<>();
            for (int i = 0; i < array.size(); i++) {
                JsonNode m = array.get(i);
                String field = "milestones[" + i + "]";
                LocalDate date = m.path("date").isString() ? parseDate(m.path("date").asString(), field + ".date") : null;
                if (date == null) {
                    if (!m.path("date").isString()) {
                        error(field + ".date", "Le jalon " + (i + 1) + " n'a pas de date (" + field + ".date).");
                    }
                    continue;
                }
                try {
                    out.add(new Milestone(date, m.path("title").asString(null), m.path("done").asBoolean(false)));
                } catch (RuleViolation e) {
                    error(field + "." + e.field().replace("milestones.", ""), e.getMessage());
                }
            }
            return out;
        }

        List<Indicator> indicators() {
            ArrayNode array = array(ItemColumn.USE_CASE_INDICATORS);
            if (array == null) {
                return List.of();
            }
            List<Indicator> out = new ArrayList<>();
            for (int i = 0; i < array.size(); i++) {
                JsonNode n = array.get(i);
                String field = "useCase.indicators[" + i + "]";
                try {
                    LocalDate due = n.path("dueDate").isString() ? parseDate(n.path("dueDate").asString(), field + ".dueDate") : null;
                    BigDecimal baseline = n.hasNonNull("baseline") ? new BigDecimal(n.path("baseline").asString()) : null;
                    BigDecimal target = n.hasNonNull("target") ? new BigDecimal(n.path("target").asString()) : null;
                    out.add(new Indicator(n.path("name").asString(null), baseline, target, n.path("unit").asString(null), due));
                } catch (NumberFormatException e) {
                    error(field, "Les valeurs de référence et cible (" + field + ") sont des nombres.");
                } catch (RuleViolation e) {
                    error(field + "." + e.field().replace("indicators.", ""), e.getMessage());
                }
            }
            return out;
        }

        ItemContent content(ItemKind kind) {
            int before = errors.size();
            try {
                switch (kind) {
                    case USE_CASE -> {
                        String domain = required(ItemColumn.USE_CASE_POLICY_DOMAIN);
                        Set<TerritoryKey> territory = territories(ItemColumn.USE_CASE_TERRITORY);
                        String outcome = required(ItemColumn.USE_CASE_EXPECTED_OUTCOME);
                        List<Indicator> indicators = indicators();
                        return errors.size() > before ? null
                                : new ItemContent.UseCase(domain, territory, outcome, indicators);
                    }
                    case DATASET -> {
                        String id = text(ItemColumn.DATASET_CATALOGUE_ID, ItemContent.DatasetToOpen.REFERENCE_MAX);
                        AccessLevel level = required(ItemColumn.DATASET_ACCESS_LEVEL) == null ? null
                                : enumOf(ItemColumn.DATASET_ACCESS_LEVEL, AccessLevel.class);
                        LocalDate date = date(ItemColumn.DATASET_TARGET_DATE);
                        Siren siren = siren(ItemColumn.DATASET_RESPONSIBLE_SIREN,
                                required(ItemColumn.DATASET_RESPONSIBLE_SIREN));
                        PriorityOrigin answers = required(ItemColumn.DATASET_ANSWERS) == null ? null
                                : enumOf(ItemColumn.DATASET_ANSWERS, PriorityOrigin.class);
                        return errors.size() > before ? null
                                : new ItemContent.DatasetToOpen(id, level, date, siren, answers);
                    }
                    case ROLE_ALLOCATION -> {
                        Siren siren = siren(ItemColumn.ROLE_SIREN, required(ItemColumn.ROLE_SIREN));
                        String name = required(ItemColumn.ROLE_NAME);
                        DataRole role = required(ItemColumn.ROLE_ROLE) == null ? null
                                : enumOf(ItemColumn.ROLE_ROLE, DataRole.class);
                        return errors.size() > before ? null : new ItemContent.RoleAllocation(siren, name, role);
                    }
                    case FINANCIAL_LINE -> {
                        BigDecimal amount = decimal(ItemColumn.FINANCIAL_AMOUNT);
                        Integer year = required(ItemColumn.FINANCIAL_YEAR) == null ? null : integer(ItemColumn.FINANCIAL_YEAR);
                        FundingSource source = required(ItemColumn.FINANCIAL_SOURCE) == null ? null
                                : enumOf(ItemColumn.FINANCIAL_SOURCE, FundingSource.class);
                        return errors.size() > before ? null : new ItemContent.FinancialLine(amount, year, source);
                    }
                    case ACTION -> {
                        Set<TerritoryKey> territory = territories(ItemColumn.ACTION_TERRITORY);
                        List<String> services = list(ItemColumn.ACTION_SERVICES, LIST_SPLIT);
                        BigDecimal fte = decimal(ItemColumn.ACTION_FTE);
                        BigDecimal amount = decimal(ItemColumn.ACTION_AMOUNT);
                        return errors.size() > before ? null
                                : new ItemContent.TerritorialAction(territory, services, fte, amount);
                    }
                    case DATA_RETURN -> {
                        String dataset = required(ItemColumn.DATA_RETURN_DATASET);
                        Integer current = required(ItemColumn.DATA_RETURN_CURRENT) == null ? null
                                : integer(ItemColumn.DATA_RETURN_CURRENT);
                        Integer target = required(ItemColumn.DATA_RETURN_TARGET) == null ? null
                                : integer(ItemColumn.DATA_RETURN_TARGET);
                        return errors.size() > before ? null : new ItemContent.DataReturn(dataset, current, target);
                    }
                    case NATIONAL_TOOL -> {
                        String purpose = required(ItemColumn.TOOL_PURPOSE);
                        List<Siren> partners = new ArrayList<>();
                        for (String raw : list(ItemColumn.TOOL_PARTNERS, CODE_SPLIT)) {
                            partners.add(siren(ItemColumn.TOOL_PARTNERS, raw));
                        }
                        return errors.size() > before ? null : new ItemContent.NationalTool(purpose, partners);
                    }
                    default -> throw new IllegalStateException(kind.name());
                }
            } catch (RuleViolation e) {
                error(e.field() == null ? "kind" : e.field(), e.getMessage());
                return null;
            }
        }
    }
}
