package fr.dataterritoires.datasetsearch.application.search;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

import org.springframework.stereotype.Component;

import fr.dataterritoires.datasetsearch.domain.AccessLevel;
import fr.dataterritoires.datasetsearch.domain.Distribution;
import fr.dataterritoires.datasetsearch.domain.ProducerType;

import fr.dataterritoires.platform.errors.InvalidFieldException;

/**
 * Checks a search as received and turns it into a {@link SearchQuery}, refusing with the parameter's name what is
 * unknown, malformed or out of bounds. User text is kept as text: the index adapter passes it only to queries that
 * treat it as words to analyse (never as query syntax).
 */
@Component
public class SearchQueryParser {

    private final SearchProperties limits;
    private final TerritoryExpansion territories;
    private final UseProfiles useProfiles;

    public SearchQueryParser(SearchProperties limits, TerritoryExpansion territories, UseProfiles useProfiles) {
        this.limits = limits;
        this.territories = territories;
        this.useProfiles = useProfiles;
    }

    public SearchQuery parse(SearchParameters p) {
        String text = text(p.text());
        SortOrder sort = p.sort() == null || p.sort().isBlank() ? SortOrder.RELEVANCE
                : SortOrder.fromCode(p.sort()).orElseThrow(() -> InvalidFieldException.unknownValue("sort",
                        p.sort(), Arrays.stream(SortOrder.values()).map(SortOrder::code).toList()));
        int size = integer("size", p.size(), limits.defaultSize());
        if (size < 1 || size > limits.maxSize()) {
            throw InvalidFieldException.parameter("size", "Le paramètre « size » doit être compris entre 1 et "
                    + limits.maxSize() + ".", p.size());
        }
        SearchCursor cursor = null;
        int page;
        if (p.cursor() != null && !p.cursor().isBlank()) {
            if (p.page() != null && !p.page().isBlank() && integer("page", p.page(), 1) != 1) {
                throw InvalidFieldException.parameter("page", "Les paramètres « page » et « cursor » ne se combinent "
                        + "pas : suivez le curseur sans numéro de page.", p.page());
            }
            cursor = SearchCursor.decode(p.cursor(), sort);
            page = 1;
        } else {
            page = integer("page", p.page(), 1);
            if (page < 1) {
                throw InvalidFieldException.parameter("page", "Le paramètre « page » commence à 1.", p.page());
            }
            if ((long) page * size > limits.maxWindow()) {
                throw InvalidFieldException.parameter("page", "La pagination par numéro de page s'arrête aux "
                        + limits.maxWindow() + " premiers résultats : au-delà, suivez le curseur « nextCursor ».",
                        p.page());
            }
        }
        return new SearchQuery(
                text,
                p.territory() == null || p.territory().isBlank() ? null : territories.expand(p.territory()),
                texts("theme", p.themes(), 200),
                enums("producerType", p.producerTypes(), ProducerType.class),
                texts("organisation", p.organisations(), 200),
                enums("accessLevel", p.accessLevels(), AccessLevel.class),
                texts("schema", p.schemas(), 200),
                mapped("format", p.formats(), 40, Distribution::normaliseFormat),
                texts("licence", p.licences(), 200),
                date("updatedSince", p.updatedSince()),
                p.use() == null || p.use().isBlank() ? null : useProfiles.find(p.use())
                        .orElseThrow(() -> InvalidFieldException.unknownValue("use", p.use(),
                                useProfiles.all().stream().map(UseProfile::id).toList())),
                sort, page, size, cursor);
    }

    /** Free text: trimmed, bounded, without control characters; null when blank. */
    String text(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String text = raw.strip();
        if (text.length() > limits.maxTextLength()) {
            throw InvalidFieldException.parameter("q", "Le texte recherché dépasse " + limits.maxTextLength()
                    + " caractères.", shorten(text));
        }
        if (text.chars().anyMatch(c -> Character.isISOControl(c) && !Character.isWhitespace(c))) {
            throw InvalidFieldException.parameter("q", "Le texte recherché contient des caractères de contrôle.",
                    null);
        }
        return text.replaceAll("\\s+", " ");
    }

    private int integer(String field, String raw, int fallback) {
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(raw.strip());
        } catch (NumberFormatException e) {
            throw InvalidFieldException.parameter(field, "Le paramètre « " + field + " » attend un nombre entier.",
                    shorten(raw));
        }
    }

    private LocalDate date(String field, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(raw.strip());
        } catch (DateTimeParseException e) {
            throw InvalidFieldException.parameter(field, "Le paramètre « " + field
                    + " » attend une date AAAA-MM-JJ (par exemple 2024-01-31).", shorten(raw));
        }
    }

    private Set<String> texts(String field, List<String> values, int maxLength) {
        return mapped(field, values, maxLength, Function.identity());
    }

    private Set<String> mapped(String field, List<String> values, int maxLength, Function<String, String> mapping) {
        checkCount(field, values);
        Set<String> kept = new LinkedHashSet<>();
        for (String value : values) {
            if (value.length() > maxLength) {
                throw InvalidFieldException.parameter(field, "Une valeur du paramètre « " + field + " » dépasse "
                        + maxLength + " caractères.", shorten(value));
            }
            String mapped = mapping.apply(value);
            if (mapped != null) {
                kept.add(mapped);
            }
        }
        return kept;
    }

    private <E extends Enum<E>> Set<E> enums(String field, List<String> values, Class<E> type) {
        checkCount(field, values);
        Set<E> kept = EnumSet.noneOf(type);
        for (String value : values) {
            String name = value.strip().toUpperCase(Locale.ROOT).replace('-', '_');
            E constant = Arrays.stream(type.getEnumConstants()).filter(c -> c.name().equals(name)).findFirst()
                    .orElseThrow(() -> InvalidFieldException.unknownValue(field, value,
                            Arrays.stream(type.getEnumConstants()).map(Enum::name).toList()));
            kept.add(constant);
        }
        return kept;
    }

    private void checkCount(String field, List<String> values) {
        if (values.size() > limits.maxFilterValues()) {
            throw InvalidFieldException.parameter(field, "Le paramètre « " + field + " » accepte au plus "
                    + limits.maxFilterValues() + " valeurs.", values.size());
        }
    }

    /** A refused value as quoted in a French message: at most 80 characters. */
    static String shorten(String value) {
        if (value == null) {
            return "";
        }
        return value.length() > 80 ? value.substring(0, 80) + "…" : value;
    }
}
