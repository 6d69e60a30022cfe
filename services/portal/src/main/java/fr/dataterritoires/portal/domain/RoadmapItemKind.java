package fr.dataterritoires.portal.domain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The kinds of roadmap item the roadmaps service knows (its {@code ItemKind}), each in one kind of roadmap, with the
 * fields of its form: the API's own paths ({@code financialLine.amount}), so that the service's refusals come back
 * next to the field they name. The common fields ({@code title}, {@code description}) come first.
 */
public enum RoadmapItemKind {
    USE_CASE("COMMITTEE", "Cas d'usage prioritaire", "un cas d'usage",
            Field.text("useCase.policyDomain", "Politique publique concernée", "Par exemple : mobilités, eau, santé"),
            Field.list("useCase.territory", "Territoires concernés (facultatif)",
                    "Codes séparés par des virgules, par exemple region:84, departement:69, commune:69123"),
            Field.textarea("useCase.expectedOutcome", "Résultat attendu", null)),
    DATASET("COMMITTEE", "Jeu de données à ouvrir ou partager", "un jeu de données",
            Field.optional(Field.text("dataset.catalogueDatasetId", "Identifiant dans le catalogue (facultatif)",
                    "Laissez vide pour un jeu de données à produire")),
            Field.select("dataset.targetAccessLevel", "Niveau d'accès visé", Vocabulary.ACCESS_LEVELS),
            Field.date("dataset.targetDate", "Date visée"),
            Field.text("dataset.responsibleSiren", "SIREN de l'organisation responsable", "9 chiffres, par exemple 213800006"),
            Field.select("dataset.answers", "Répond à une priorité", Vocabulary.PRIORITY_ORIGINS)),
    ROLE_ALLOCATION("COMMITTEE", "Répartition des rôles", "une répartition des rôles",
            Field.text("roleAllocation.organisationSiren", "SIREN de l'organisation", "9 chiffres"),
            Field.text("roleAllocation.organisationName", "Nom de l'organisation", null),
            Field.select("roleAllocation.role", "Rôle", Vocabulary.DATA_ROLES)),
    FINANCIAL_LINE("COMMITTEE", "Ligne du volet financier", "une ligne financière",
            Field.number("financialLine.amount", "Montant demandé (€)", "Par exemple 15000 ou 15000,50"),
            Field.number("financialLine.year", "Année", "Par exemple 2027"),
            Field.select("financialLine.source", "Origine des fonds", Vocabulary.FUNDING_SOURCES)),
    ACTION("MINISTERIAL", "Action sur les territoires", "une action",
            Field.list("action.territory", "Territoires concernés",
                    "Codes séparés par des virgules, par exemple region:84, departement:69"),
            Field.optional(Field.list("action.deconcentratedServices", "Services déconcentrés (facultatif)",
                    "Séparés par des virgules, par exemple DREAL, DDT")),
            Field.number("action.requestedFte", "ETP demandés", "Par exemple 1,5"),
            Field.number("action.requestedAmount", "Montant demandé (€)", "Par exemple 40000")),
    DATA_RETURN("MINISTERIAL", "Retour des données aux collectivités", "un engagement de retour des données",
            Field.text("dataReturn.datasetCollected", "Données collectées", null),
            Field.number("dataReturn.currentDelayDays", "Délai actuel (jours)", null),
            Field.number("dataReturn.targetDelayDays", "Délai visé (jours)", null)),
    NATIONAL_TOOL("MINISTERIAL", "Outil national co-construit", "un outil national",
            Field.textarea("nationalTool.purpose", "Objet de l'outil", null),
            Field.optional(Field.list("nationalTool.partnerSirens", "SIREN des collectivités partenaires (facultatif)",
                    "Séparés par des virgules")));

    /**
     * How a field is typed in and sent: free text, a list typed with commas, a number, a date, one of a few values,
     * one of the roadmap's items (the parent).
     */
    public enum Input {
        TEXT, TEXTAREA, LIST, NUMBER, DATE, SELECT, ITEM
    }

    /**
     * @param name    the API's path of the field, and the form's
     * @param options for {@code SELECT}: the API's value and its French label
     */
    public record Field(String name, String label, String hint, Input input, List<Vocabulary.Term> options,
                        boolean optional) {

        public String part() {
            int dot = name.indexOf('.');
            return dot < 0 ? null : name.substring(0, dot);
        }

        public String key() {
            return name.substring(name.indexOf('.') + 1);
        }

        /** The element id in the page (the API's name without the dot, which CSS selectors would read as a class). */
        public String id() {
            return name.replace('.', '-');
        }

        static Field text(String name, String label, String hint) {
            return new Field(name, label, hint, Input.TEXT, List.of(), false);
        }

        static Field textarea(String name, String label, String hint) {
            return new Field(name, label, hint, Input.TEXTAREA, List.of(), false);
        }

        static Field list(String name, String label, String hint) {
            return new Field(name, label, hint, Input.LIST, List.of(), label.contains("facultatif"));
        }

        static Field number(String name, String label, String hint) {
            return new Field(name, label, hint, Input.NUMBER, List.of(), false);
        }

        static Field date(String name, String label) {
            return new Field(name, label, "Format : jj/mm/aaaa", Input.DATE, List.of(), false);
        }

        static Field select(String name, String label, List<Vocabulary.Term> options) {
            return new Field(name, label, null, Input.SELECT, options, false);
        }

        static Field optional(Field field) {
            return new Field(field.name, field.label, field.hint, field.input, field.options, true);
        }
    }

    /** The fields every item has. */
    public static final List<Field> COMMON = List.of(
            Field.text("title", "Intitulé", null),
            Field.optional(Field.textarea("description", "Description (facultatif)", null)));

    /**
     * Where an item sits in its roadmap, whatever its kind: its parent (its progress then counts in the parent's, with
     * its weight; ADR 0007) and its weight. The parent's choices are the roadmap's items, so the page draws them.
     */
    public static final List<Field> STRUCTURE = List.of(
            new Field("parentId", "Élément parent (facultatif)",
                    "Son avancement comptera dans celui du parent", Input.ITEM, List.of(), true),
            Field.optional(Field.number("weight", "Poids dans l'avancement du parent (facultatif)",
                    "Un nombre entier de 1 à 100 ; 1 si vide")));

    /** The milestones' label in the list of refusals, for a refusal of the whole list. */
    public static final String MILESTONES = "milestones";

    private final String roadmapKind;
    private final String label;
    private final String indefinite;
    private final List<Field> fields;

    RoadmapItemKind(String roadmapKind, String label, String indefinite, Field... fields) {
        this.roadmapKind = roadmapKind;
        this.label = label;
        this.indefinite = indefinite;
        this.fields = List.of(fields);
    }

    public String label() {
        return label;
    }

    /** "Ajouter une ligne financière". */
    public String addLabel() {
        return "Ajouter " + indefinite;
    }

    /** The JSON name of the kind's sub-object ({@code financialLine}). */
    public String part() {
        return fields.getFirst().part();
    }

    /** The common fields, then the kind's. */
    public List<Field> fields() {
        List<Field> all = new ArrayList<>(COMMON);
        all.addAll(fields);
        return all;
    }

    public List<Field> ownFields() {
        return fields;
    }

    /**
     * The form's labels by field name, for the list of refusals at the top of the form: the kind's fields and the
     * structure's ({@link ItemDraft#labels} adds the milestones' rows).
     */
    public java.util.Map<String, String> labels() {
        java.util.Map<String, String> labels = new java.util.LinkedHashMap<>();
        fields().forEach(f -> labels.put(f.name(), f.label()));
        STRUCTURE.forEach(f -> labels.put(f.name(), f.label()));
        labels.put(MILESTONES, "Jalons");
        return labels;
    }

    /** The form's element ids by field name, for the links of the refusals to their fields. */
    public java.util.Map<String, String> ids() {
        java.util.Map<String, String> ids = new java.util.LinkedHashMap<>();
        fields().forEach(f -> ids.put(f.name(), f.id()));
        STRUCTURE.forEach(f -> ids.put(f.name(), f.id()));
        ids.put(MILESTONES, "jalons");
        return ids;
    }

    /** Financial lines and actions: the national instance grants an amount to each (arbitration). */
    public boolean isArbitrated() {
        return this == FINANCIAL_LINE || this == ACTION;
    }

    /** The kinds of a committee roadmap ({@code COMMITTEE}) or of a ministerial section ({@code MINISTERIAL}). */
    public static List<RoadmapItemKind> of(String roadmapKind) {
        return Arrays.stream(values()).filter(k -> k.roadmapKind.equals(roadmapKind)).toList();
    }

    public static Optional<RoadmapItemKind> parse(String raw) {
        return Arrays.stream(values()).filter(k -> k.name().equals(raw)).findFirst();
    }
}
