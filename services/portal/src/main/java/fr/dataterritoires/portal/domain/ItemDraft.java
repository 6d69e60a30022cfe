package fr.dataterritoires.portal.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A roadmap item as typed in its form, field by field (the API's paths: {@code title}, {@code financialLine.amount},
 * {@code parentId}, {@code weight}), with its milestones row by row ({@code milestones[0].date}), before the roadmaps
 * service judges it: it is the judge of every rule (required fields, SIRENs, territories in the région, amounts, a
 * parent in the roadmap and without a loop, weights, milestones); the form comes back with these values and its
 * refusals per field. Blank milestone rows are dropped and the others numbered again from 0, in the order typed, so
 * that the service's {@code milestones[i]} and the rows shown again with its refusals are the same.
 */
public record ItemDraft(RoadmapItemKind kind, Map<String, String> values, List<MilestoneDraft> milestones) {

    /** Empty rows the form offers after the milestones there are: more are added by saving, without JavaScript. */
    public static final int BLANK_MILESTONE_ROWS = 2;

    /** The service's limit ({@code Milestone.MAX}). */
    public static final int MAX_MILESTONES = 50;

    private static final Pattern MILESTONE_FIELD = Pattern.compile("milestones\\[(\\d{1,3})]\\.(date|title|done)");

    /** A milestone as typed: its date ({@code yyyy-mm-dd}, as the date field posts it), its title, reached or not. */
    public record MilestoneDraft(String date, String title, boolean done) {

        public MilestoneDraft {
            date = date == null || date.isBlank() ? null : date.strip();
            title = title == null || title.isBlank() ? null : title.strip();
        }

        boolean isBlank() {
            return date == null && title == null;
        }

        /** The milestone as the service's API takes it. */
        public Map<String, Object> body() {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("date", date);
            body.put("title", title);
            body.put("done", done);
            return body;
        }
    }

    public ItemDraft {
        Map<String, String> kept = new LinkedHashMap<>();
        for (RoadmapItemKind.Field field : formFields(kind)) {
            String value = values == null ? null : values.get(field.name());
            if (value != null && !value.isBlank()) {
                kept.put(field.name(), value.strip());
            }
        }
        values = java.util.Collections.unmodifiableMap(kept);
        milestones = milestones == null ? List.of() : milestones.stream().filter(m -> !m.isBlank()).toList();
    }

    /** The form as posted: its fields by name, and the milestones' rows ({@code milestones[i].date}, ...). */
    public ItemDraft(RoadmapItemKind kind, Map<String, String> posted) {
        this(kind, posted, milestoneRows(posted));
    }

    private static List<RoadmapItemKind.Field> formFields(RoadmapItemKind kind) {
        List<RoadmapItemKind.Field> all = new ArrayList<>(kind.fields());
        all.addAll(RoadmapItemKind.STRUCTURE);
        return all;
    }

    /**
     * The milestones' rows of a posted form ({@code milestones[i].date}, {@code .title}, {@code .done}), in the rows'
     * order, blank ones dropped; null when the form has none (the tracking form of an item without milestones).
     */
    public static List<MilestoneDraft> postedMilestones(Map<String, String> posted) {
        boolean any = posted != null && posted.keySet().stream().anyMatch(n -> MILESTONE_FIELD.matcher(n).matches());
        return any ? milestoneRows(posted).stream().filter(m -> !m.isBlank()).toList() : null;
    }

    private static List<MilestoneDraft> milestoneRows(Map<String, String> posted) {
        java.util.SortedMap<Integer, Map<String, String>> rows = new java.util.TreeMap<>();
        if (posted != null) {
            posted.forEach((name, value) -> {
                Matcher m = MILESTONE_FIELD.matcher(name);
                if (m.matches()) {
                    rows.computeIfAbsent(Integer.parseInt(m.group(1)), i -> new LinkedHashMap<>())
                            .put(m.group(2), value);
                }
            });
        }
        return rows.values().stream()
                .map(r -> new MilestoneDraft(r.get("date"), r.get("title"), checked(r.get("done")))).toList();
    }

    /** A checkbox posts its value when ticked, nothing otherwise. */
    private static boolean checked(String value) {
        return value != null && !value.isBlank() && !"false".equalsIgnoreCase(value.strip());
    }

    public static ItemDraft empty(RoadmapItemKind kind) {
        return new ItemDraft(kind, Map.of());
    }

    public String value(String field) {
        return values.get(field);
    }

    /** The rows the form shows: the milestones, then a few empty ones (up to the service's limit). */
    public List<MilestoneDraft> milestoneRows() {
        List<MilestoneDraft> rows = new ArrayList<>(milestones);
        while (rows.size() < Math.min(milestones.size() + BLANK_MILESTONE_ROWS, MAX_MILESTONES)) {
            rows.add(new MilestoneDraft(null, null, false));
        }
        return rows;
    }

    /** The element id of a milestone row's field ({@code date}, {@code title}, {@code done}). */
    public static String milestoneId(int row, String field) {
        return "jalon-" + row + "-" + switch (field) {
            case "title" -> "titre";
            case "done" -> "atteint";
            default -> field;
        };
    }

    /** The labels of the refusals' list: the kind's and the structure's fields, and each milestone row's. */
    public Map<String, String> labels() {
        Map<String, String> labels = new LinkedHashMap<>(kind.labels());
        for (int i = 0; i < milestoneRows().size(); i++) {
            labels.put("milestones[" + i + "]", "Jalon " + (i + 1));
            labels.put("milestones[" + i + "].date", "Jalon " + (i + 1) + ", date");
            labels.put("milestones[" + i + "].title", "Jalon " + (i + 1) + ", intitulé");
        }
        return labels;
    }

    /** The element ids the refusals link to, by field name. */
    public Map<String, String> ids() {
        Map<String, String> ids = new LinkedHashMap<>(kind.ids());
        for (int i = 0; i < milestoneRows().size(); i++) {
            ids.put("milestones[" + i + "]", milestoneId(i, "date"));
            ids.put("milestones[" + i + "].date", milestoneId(i, "date"));
            ids.put("milestones[" + i + "].title", milestoneId(i, "title"));
        }
        return ids;
    }

    /**
     * The JSON body's fields: {@code title}, {@code description}, {@code parentId}, {@code weight}, the milestones
     * (all of them: the service replaces the list) and the kind's sub-object. Lists are split on commas, semicolons or
     * new lines; numbers typed the French way ({@code 15 000,50}) are sent as numbers; what does not read as a number
     * or a date is sent as typed, for the service to refuse with its field.
     */
    public Map<String, Object> body() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("kind", kind.name());
        body.put("milestones", milestones.stream().map(MilestoneDraft::body).toList());
        Map<String, Object> part = new LinkedHashMap<>();
        for (RoadmapItemKind.Field field : formFields(kind)) {
            Object value = converted(field, values.get(field.name()));
            if (field.part() == null) {
                body.put(field.name(), value);
            } else if (value != null) {
                part.put(field.key(), value);
            }
        }
        body.put(kind.part(), part);
        return body;
    }

    private static Object converted(RoadmapItemKind.Field field, String value) {
        if (value == null) {
            return null;
        }
        return switch (field.input()) {
            case LIST -> Arrays.stream(value.split("[,;\\n]")).map(String::strip).filter(s -> !s.isEmpty()).toList();
            case NUMBER -> FrenchNumbers.typed(value);
            default -> value;
        };
    }

    /** A number of the JSON answer as typed back: 15000.5 → "15000.5", 2027 → "2027". */
    private static String decimal(Number n) {
        return new BigDecimal(n.toString()).stripTrailingZeros().toPlainString();
    }


    /**
     * The values of an item as the service returns it: its title, description, parent, weight, milestones and
     * sub-object ({@code content}), in the form's names, lists joined with commas.
     */
    public static ItemDraft of(RoadmapItemKind kind, String title, String description, java.util.UUID parentId,
                               Integer weight, List<MilestoneDraft> milestones, Map<String, Object> part) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("title", title);
        values.put("description", description);
        values.put("parentId", parentId == null ? null : parentId.toString());
        values.put("weight", weight == null ? null : String.valueOf(weight));
        for (RoadmapItemKind.Field field : kind.ownFields()) {
            Object value = part == null ? null : part.get(field.key());
            if (value instanceof List<?> list) {
                List<String> texts = new ArrayList<>();
                list.forEach(v -> texts.add(String.valueOf(v)));
                values.put(field.name(), String.join(", ", texts));
            } else if (value != null) {
                values.put(field.name(), value instanceof Number n ? decimal(n) : String.valueOf(value));
            }
        }
        return new ItemDraft(kind, values, milestones);
    }
}
