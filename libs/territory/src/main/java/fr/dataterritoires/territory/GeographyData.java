package fr.dataterritoires.territory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;
import java.util.zip.GZIPInputStream;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/**
 * Reads the JSON of @etalab/decoupage-administratif that the Maven build put, gzipped, on the classpath.
 * Only the fields used are kept.
 */
final class GeographyData {

    static final String RESOURCE_DIR = "data/";

    record RawRegion(String code, String nom, String chefLieu, String zone) {
    }

    record RawDepartement(String code, String nom, String region, String chefLieu, String zone) {
    }

    record RawMember(String code) {
    }

    record RawEpci(String code, String nom, String type, List<RawMember> membres) {
    }

    record RawCommune(String code, String nom, String type, String zone, String departement, String region,
            String commune, String siren, Long population, List<String> anciensCodes) {
    }

    final List<RawRegion> regions;
    final List<RawDepartement> departements;
    final List<RawEpci> epcis;
    final List<RawCommune> communes;
    final String version;

    private GeographyData(List<RawRegion> regions, List<RawDepartement> departements, List<RawEpci> epcis,
            List<RawCommune> communes, String version) {
        this.regions = regions;
        this.departements = departements;
        this.epcis = epcis;
        this.communes = communes;
        this.version = version;
    }

    static GeographyData fromClasspath() {
        // Streaming rather than data binding: half the start-up time, and no object tree for 12 MB of JSON.
        JsonFactory json = new JsonFactory();
        return new GeographyData(
                read(json, "regions.json.gz", o -> new RawRegion(o.text("code"), o.text("nom"), o.text("chefLieu"),
                        o.text("zone"))),
                read(json, "departements.json.gz", o -> new RawDepartement(o.text("code"), o.text("nom"),
                        o.text("region"), o.text("chefLieu"), o.text("zone"))),
                read(json, "epci.json.gz", o -> new RawEpci(o.text("code"), o.text("nom"), o.text("type"),
                        o.list("membres").stream().map(RawMember::new).toList())),
                read(json, "communes.json.gz", o -> new RawCommune(o.text("code"), o.text("nom"), o.text("type"),
                        o.text("zone"), o.text("departement"), o.text("region"), o.text("commune"), o.text("siren"),
                        o.text("population") == null ? null : Long.valueOf(o.text("population")),
                        o.list("anciensCodes").isEmpty() ? null : o.list("anciensCodes"))),
                version());
    }

    /**
     * One JSON object of the data, flattened: scalar fields as text, arrays as the list of their strings or, for
     * arrays of objects, of their "code" field (all that is needed of EPCI members).
     */
    static final class JsonObject {
        private final Map<String, String> texts = new HashMap<>();
        private final Map<String, List<String>> lists = new HashMap<>();

        String text(String name) {
            return texts.get(name);
        }

        List<String> list(String name) {
            return lists.getOrDefault(name, List.of());
        }

        private void clear() {
            texts.clear();
            lists.clear();
        }
    }

    private static <T> List<T> read(JsonFactory json, String name, Function<JsonObject, T> mapper) {
        List<T> result = new ArrayList<>();
        try (InputStream in = new GZIPInputStream(open(name), 1 << 16);
                JsonParser parser = json.createParser(ObjectReadContext.empty(), in)) {
            expect(parser.nextToken(), JsonToken.START_ARRAY, name);
            JsonObject object = new JsonObject();
            while (parser.nextToken() == JsonToken.START_OBJECT) {
                object.clear();
                String field;
                while ((field = parser.nextName()) != null) {
                    JsonToken value = parser.nextToken();
                    if (value == JsonToken.START_ARRAY) {
                        object.lists.put(field, readList(parser));
                    } else if (value == JsonToken.START_OBJECT) {
                        parser.skipChildren();
                    } else if (value != JsonToken.VALUE_NULL) {
                        object.texts.put(field, parser.getString());
                    }
                }
                result.add(mapper.apply(object));
            }
            expect(parser.currentToken(), JsonToken.END_ARRAY, name);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read geography data " + name, e);
        }
        return result;
    }

    private static List<String> readList(JsonParser parser) {
        List<String> items = new ArrayList<>();
        JsonToken token;
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
            if (token == JsonToken.START_OBJECT) {
                String code = null;
                String field;
                while ((field = parser.nextName()) != null) {
                    JsonToken value = parser.nextToken();
                    if (field.equals("code") && value == JsonToken.VALUE_STRING) {
                        code = parser.getString();
                    } else {
                        parser.skipChildren();
                    }
                }
                if (code != null) {
                    items.add(code);
                }
            } else if (token == JsonToken.START_ARRAY) {
                parser.skipChildren();
            } else {
                items.add(parser.getString());
            }
        }
        return List.copyOf(items);
    }

    private static void expect(JsonToken actual, JsonToken expected, String name) {
        if (actual != expected) {
            throw new IllegalStateException("Unexpected geography data in " + name + ": " + actual + " instead of "
                    + expected);
        }
    }

    private static String version() {
        Properties source = new Properties();
        try (InputStream in = open("source.properties")) {
            source.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read geography data source.properties", e);
        }
        return source.getProperty("package") + "@" + source.getProperty("version");
    }

    private static InputStream open(String name) {
        InputStream in = GeographyData.class.getResourceAsStream(RESOURCE_DIR + name);
        if (in == null) {
            throw new IllegalStateException("Geography data " + RESOURCE_DIR + name + " is missing from the classpath:"
                    + " build libs/territory with Maven, which fetches @etalab/decoupage-administratif from npm.");
        }
        return in;
    }
}
