package fr.dataterritoires.platform.errors;

import java.net.URI;
import java.util.Map;

/**
 * Stable RFC 9457 {@code type} URIs of every problem the suite returns. Clients and tests key on
 * these values: never rename one, only add.
 */
public final class ProblemTypes {

    public static final String BASE = "https://data-territoires.gouv.fr/problemes/";

    /** 400: Bean Validation failed on a body, a parameter or a command; see the {@code errors} array. */
    public static final String VALIDATION = BASE + "validation";
    /** 400: the body is not valid JSON (or cannot be read). */
    public static final String REQUETE_ILLISIBLE = BASE + "requete-illisible";
    /** 400: an enumerated value is not one of the accepted values (named in {@code errors}). */
    public static final String VALEUR_INCONNUE = BASE + "valeur-inconnue";
    /** 400: the body holds a property the resource does not know. */
    public static final String PROPRIETE_INCONNUE = BASE + "propriete-inconnue";
    /** 400: a path or query parameter has the wrong type or format. */
    public static final String PARAMETRE_INVALIDE = BASE + "parametre-invalide";
    /** 400: a required parameter, header or part is missing. */
    public static final String PARAMETRE_MANQUANT = BASE + "parametre-manquant";
    /** 400: any other malformed request. */
    public static final String REQUETE_INVALIDE = BASE + "requete-invalide";
    /** 401: no token, or an invalid, expired or untrusted one. */
    public static final String NON_AUTHENTIFIE = BASE + "non-authentifie";
    /** 403: authenticated but lacking the role or the scope (region, ministry, SIREN, owner). */
    public static final String ACCES_REFUSE = BASE + "acces-refuse";
    /** 404: unknown resource or route. */
    public static final String INTROUVABLE = BASE + "introuvable";
    /** 405. */
    public static final String METHODE_NON_AUTORISEE = BASE + "methode-non-autorisee";
    /** 406. */
    public static final String NON_ACCEPTABLE = BASE + "format-non-acceptable";
    /** 409: concurrent modification (optimistic locking) or a state conflict. */
    public static final String CONFLIT = BASE + "conflit";
    /** 410: the resource existed and was withdrawn or deleted ({@link GoneException} without a type of its own). */
    public static final String RESSOURCE_RETIREE = BASE + "ressource-retiree";
    /** 413: the body exceeds {@code dataterritoires.http.max-request-size}. */
    public static final String CHARGE_TROP_GRANDE = BASE + "charge-trop-grande";
    /** 415. */
    public static final String TYPE_MEDIA_NON_SUPPORTE = BASE + "type-media-non-supporte";
    /** 422: a domain rule refused the command. */
    public static final String REGLE_METIER = BASE + "regle-metier";
    /** 503: a dependency is unavailable. */
    public static final String SERVICE_INDISPONIBLE = BASE + "service-indisponible";
    /**
     * 504: a read (search, report) ran past its time budget ({@link TimeBudgetExceededException}). The URI keeps the
     * words of its first use, the dataset search: never renamed.
     */
    public static final String DELAI_DEPASSE = BASE + "delai-de-recherche-depasse";
    /**
     * 504: another service did not answer within the caller's budget (the gateway, or a service calling another);
     * the problem names it ({@code dependency}).
     */
    public static final String DELAI_DE_REPONSE_DEPASSE = BASE + "delai-de-reponse-depasse";
    /** 429: the client sent more requests than its rate limit allows; {@code Retry-After} says when to try again. */
    public static final String TROP_DE_REQUETES = BASE + "trop-de-requetes";
    /** 500: unexpected failure; the body carries only an {@code errorId} to quote to support. */
    public static final String ERREUR_INTERNE = BASE + "erreur-interne";

    private static final Map<String, String> TITLES = Map.ofEntries(
            Map.entry(VALIDATION, "Données invalides"),
            Map.entry(REQUETE_ILLISIBLE, "Requête illisible"),
            Map.entry(VALEUR_INCONNUE, "Valeur inconnue"),
            Map.entry(PROPRIETE_INCONNUE, "Propriété inconnue"),
            Map.entry(PARAMETRE_INVALIDE, "Paramètre invalide"),
            Map.entry(PARAMETRE_MANQUANT, "Paramètre manquant"),
            Map.entry(REQUETE_INVALIDE, "Requête invalide"),
            Map.entry(NON_AUTHENTIFIE, "Authentification requise"),
            Map.entry(ACCES_REFUSE, "Accès refusé"),
            Map.entry(INTROUVABLE, "Ressource introuvable"),
            Map.entry(METHODE_NON_AUTORISEE, "Méthode non autorisée"),
            Map.entry(NON_ACCEPTABLE, "Format de réponse non disponible"),
            Map.entry(CONFLIT, "Conflit"),
            Map.entry(RESSOURCE_RETIREE, "Ressource retirée"),
            Map.entry(CHARGE_TROP_GRANDE, "Requête trop volumineuse"),
            Map.entry(TYPE_MEDIA_NON_SUPPORTE, "Type de contenu non pris en charge"),
            Map.entry(REGLE_METIER, "Règle métier non respectée"),
            Map.entry(SERVICE_INDISPONIBLE, "Service momentanément indisponible"),
            Map.entry(DELAI_DEPASSE, "Délai de recherche dépassé"),
            Map.entry(DELAI_DE_REPONSE_DEPASSE, "Délai de réponse dépassé"),
            Map.entry(TROP_DE_REQUETES, "Trop de requêtes"),
            Map.entry(ERREUR_INTERNE, "Erreur interne"));

    private ProblemTypes() {
    }

    public static URI uri(String type) {
        return URI.create(type);
    }

    /** French title of a type of this class; "Erreur" for a type defined elsewhere. */
    public static String title(String type) {
        return TITLES.getOrDefault(type, "Erreur");
    }

    /** The type used when only an HTTP status is known (a Spring or container error). */
    public static String forStatus(int status) {
        return switch (status) {
            case 400 -> REQUETE_INVALIDE;
            case 401 -> NON_AUTHENTIFIE;
            case 403 -> ACCES_REFUSE;
            case 404 -> INTROUVABLE;
            case 405 -> METHODE_NON_AUTORISEE;
            case 406 -> NON_ACCEPTABLE;
            case 409 -> CONFLIT;
            case 410 -> RESSOURCE_RETIREE;
            case 413 -> CHARGE_TROP_GRANDE;
            case 415 -> TYPE_MEDIA_NON_SUPPORTE;
            case 422 -> REGLE_METIER;
            case 429 -> TROP_DE_REQUETES;
            case 503 -> SERVICE_INDISPONIBLE;
            default -> status >= 500 ? ERREUR_INTERNE : REQUETE_INVALIDE;
        };
    }
}
