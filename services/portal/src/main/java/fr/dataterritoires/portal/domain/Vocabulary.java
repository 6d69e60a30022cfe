package fr.dataterritoires.portal.domain;

import java.util.List;

/**
 * The roadmaps service's coded values as the pages say them in French: roadmap statuses, item statuses, access
 * levels, funding sources, roles. Unknown codes are shown as they come.
 */
public final class Vocabulary {

    /** A coded value and its French label. */
    public record Term(String code, String label) {
    }

    public static final List<Term> ROADMAP_STATUSES = List.of(new Term("DRAFT", "Brouillon"),
            new Term("SUBMITTED", "Soumise"), new Term("UNDER_REVIEW", "En cours d'examen"),
            new Term("CHANGES_REQUESTED", "Modifications demandées"), new Term("ARBITRATED", "Arbitrée"),
            new Term("PUBLISHED", "Publiée"));
    public static final List<Term> ITEM_STATUSES = List.of(new Term("PLANNED", "Prévu"),
            new Term("IN_STUDY", "À l'étude"), new Term("IN_PROGRESS", "En cours"),
            new Term("COMPLETED", "Réalisé"), new Term("ABANDONED", "Abandonné"));
    public static final List<Term> ACCESS_LEVELS = List.of(new Term("OPEN", "Ouvert"),
            new Term("SHARED", "Partagé dans un espace commun de données"), new Term("RESTRICTED", "Restreint"));
    public static final List<Term> PRIORITY_ORIGINS = List.of(new Term("NATIONAL", "Priorité nationale"),
            new Term("LOCAL", "Priorité locale"));
    public static final List<Term> DATA_ROLES = List.of(new Term("PRODUCER", "Producteur"),
            new Term("FUNDER", "Financeur"), new Term("OPERATOR", "Opérateur"), new Term("USER", "Utilisateur"));
    public static final List<Term> FUNDING_SOURCES = List.of(new Term("OWN_BUDGET", "Budget propre"),
            new Term("STATE", "État"), new Term("CALL_FOR_COMMONS", "Appel à communs"),
            new Term("PRECIPUT", "Préciput"));
    public static final List<Term> PRIORITY_SUBJECTS = List.of(new Term("DATASET", "Jeu de données"),
            new Term("THEME", "Thème"));

    private Vocabulary() {
    }

    public static String roadmapStatus(String code) {
        return label(ROADMAP_STATUSES, code);
    }

    public static String itemStatus(String code) {
        return label(ITEM_STATUSES, code);
    }

    /** The label of {@code code} in {@code terms}, or the code itself; empty for none. */
    public static String label(List<Term> terms, String code) {
        if (code == null) {
            return "";
        }
        return terms.stream().filter(t -> t.code().equals(code)).map(Term::label).findFirst().orElse(code);
    }
}
