package fr.dataterritoires.datasetsearch.application.search;

import java.util.ArrayList;
import java.util.List;

/** Builds {@link SearchParameters} in tests. */
public final class Params {

    private String text;
    private String territory;
    private final List<String> themes = new ArrayList<>();
    private final List<String> producerTypes = new ArrayList<>();
    private final List<String> organisations = new ArrayList<>();
    private final List<String> accessLevels = new ArrayList<>();
    private final List<String> schemas = new ArrayList<>();
    private final List<String> formats = new ArrayList<>();
    private final List<String> licences = new ArrayList<>();
    private String updatedSince;
    private String use;
    private String sort;
    private String page;
    private String size;
    private String cursor;

    public static Params q(String text) {
        Params p = new Params();
        p.text = text;
        return p;
    }

    public static Params none() {
        return new Params();
    }

    public Params territory(String value) {
        territory = value;
        return this;
    }

    public Params theme(String value) {
        themes.add(value);
        return this;
    }

    public Params producerType(String value) {
        producerTypes.add(value);
        return this;
    }

    public Params organisation(String value) {
        organisations.add(value);
        return this;
    }

    public Params accessLevel(String value) {
        accessLevels.add(value);
        return this;
    }

    public Params schema(String value) {
        schemas.add(value);
        return this;
    }

    public Params format(String value) {
        formats.add(value);
        return this;
    }

    public Params licence(String value) {
        licences.add(value);
        return this;
    }

    public Params updatedSince(String value) {
        updatedSince = value;
        return this;
    }

    public Params use(String value) {
        use = value;
        return this;
    }

    public Params sort(String value) {
        sort = value;
        return this;
    }

    public Params page(int value) {
        page = String.valueOf(value);
        return this;
    }

    public Params size(int value) {
        size = String.valueOf(value);
        return this;
    }

    public Params cursor(String value) {
        cursor = value;
        return this;
    }

    public SearchParameters build() {
        return new SearchParameters(text, territory, themes, producerTypes, organisations, accessLevels, schemas,
                formats, licences, updatedSince, use, sort, page, size, cursor);
    }
}
