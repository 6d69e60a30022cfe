package fr.dataterritoires.portal.integration;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import fr.dataterritoires.portal.domain.FormValues;

/**
 * Turns the portal's forms ({@link FormValues}, fields named after the API's paths) into the JSON bodies of the
 * services' APIs. Nothing is checked here: a value the portal cannot convert (a date typed by hand) goes as typed, so
 * the service refuses it by its field like any other.
 */
final class FormBodies {

    /** Dates typed on the pages are French dates: a call opens at the start of its first day and closes at the end
     *  of its last one, in metropolitan France's time. */
    static final ZoneId FRANCE = ZoneId.of("Europe/Paris");

    private FormBodies() {
    }

    /** The values of {@code form} at {@code names}, absent ones left out (the service says which were needed). */
    static Map<String, Object> fields(FormValues form, String... names) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (String name : names) {
            if (form.has(name)) {
                body.put(name, form.value(name));
            }
        }
        return body;
    }

    /** A day typed as {@code yyyy-mm-dd}, as the instant it starts ({@code endOfDay}: ends) in France. */
    static Object instant(String day, boolean endOfDay) {
        if (day == null) {
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(day);
            return (endOfDay ? date.atTime(LocalTime.of(23, 59, 59)) : date.atStartOfDay()).atZone(FRANCE)
                    .toInstant().toString();
        } catch (DateTimeParseException typedByHand) {
            return day;
        }
    }

    /**
     * Rows {@code prefix[0]}, {@code prefix[1]}… of a repeated group (consortium members, budget lines, criteria),
     * as long as {@code present} says a row was filled in: blank rows are left out.
     */
    static List<Map<String, Object>> rows(FormValues form, String prefix, int max, String key,
                                          Function<String, Map<String, Object>> row) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < max; i++) {
            String at = prefix + "[" + i + "].";
            if (form.has(at + key)) {
                rows.add(row.apply(at));
            }
        }
        return rows;
    }

    /** The values of {@code form} under {@code at} (e.g. {@code consortium[1].}) for these names. */
    static Map<String, Object> row(FormValues form, String at, String... names) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (String name : names) {
            row.put(name, form.value(at + name));
        }
        return row;
    }
}
