package fr.dataterritoires.portal.application;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.stereotype.Service;

/**
 * Turns what a visitor typed in the territory field into the search's territory filter, without JavaScript: a
 * filter key ({@code commune:69123}), a choice as the page lists it ("Lyon (Commune 69123)"), or a name or code
 * looked up in dataset-search's suggestions — one clear match is taken, several are offered as choices.
 */
@Service
public class TerritoryPicker {

    private static final Pattern KEY = Pattern.compile("(?i)(commune|epci|departement|region):([0-9A-Za-z]{1,12})");
    private static final Pattern DISPLAYED = Pattern.compile("(?iu).*\\((commune|epci|département|région) ([0-9A-Za-z]{1,12})\\)\\s*");

    private final DatasetCatalogue catalogue;

    public TerritoryPicker(DatasetCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    /**
     * @param key      the filter, null when none could be chosen
     * @param display  what the field shows back
     * @param choices  several territories match: the visitor picks one
     * @param problem  French message when nothing matches
     */
    public record Resolution(String key, String display, List<TerritoryChoice> choices, String problem) {
        static Resolution none() {
            return new Resolution(null, null, List.of(), null);
        }
    }

    public Resolution resolve(String input) {
        if (input == null || input.isBlank()) {
            return Resolution.none();
        }
        String typed = input.strip();
        Matcher key = KEY.matcher(typed);
        if (key.matches()) {
            String level = key.group(1).toLowerCase(Locale.ROOT);
            String code = key.group(2);
            String normalised = level + ":" + code;
            return lookUp(code).stream().filter(c -> normalised.equals(c.key())).findFirst()
                    .map(c -> new Resolution(c.key(), c.display(), List.of(), null))
                    .orElse(new Resolution(normalised, typed, List.of(), null));
        }
        Matcher displayed = DISPLAYED.matcher(typed);
        if (displayed.matches()) {
            String level = switch (displayed.group(1).toLowerCase(Locale.ROOT)) {
                case "département" -> "departement";
                case "région" -> "region";
                default -> displayed.group(1).toLowerCase(Locale.ROOT);
            };
            return new Resolution(level + ":" + displayed.group(2), typed, List.of(), null);
        }
        List<TerritoryChoice> found = lookUp(typed);
        if (found.isEmpty()) {
            return new Resolution(null, typed, List.of(), "Aucun territoire ne correspond à « " + typed
                    + " ». Saisissez le nom ou le code INSEE d'une commune, d'un EPCI, d'un département ou d'une région.");
        }
        List<TerritoryChoice> exact = found.stream().filter(c -> typed.equalsIgnoreCase(c.code())
                || (c.name() != null && typed.equalsIgnoreCase(c.name()))).toList();
        if (found.size() == 1 || exact.size() == 1) {
            TerritoryChoice chosen = found.size() == 1 ? found.getFirst() : exact.getFirst();
            return new Resolution(chosen.key(), chosen.display(), List.of(), null);
        }
        return new Resolution(null, typed, found, null);
    }

    public List<TerritoryChoice> lookUp(String text) {
        return catalogue.territories(text);
    }
}
