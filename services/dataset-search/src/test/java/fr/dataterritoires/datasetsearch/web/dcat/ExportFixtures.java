package fr.dataterritoires.datasetsearch.web.dcat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import fr.dataterritoires.datasetsearch.domain.AccessLevel;
import fr.dataterritoires.datasetsearch.domain.ContactPoint;
import fr.dataterritoires.datasetsearch.domain.Dataset;
import fr.dataterritoires.datasetsearch.domain.DatasetDescription;
import fr.dataterritoires.datasetsearch.domain.DatasetId;
import fr.dataterritoires.datasetsearch.domain.Distribution;
import fr.dataterritoires.datasetsearch.domain.Granularity;
import fr.dataterritoires.datasetsearch.domain.Producer;
import fr.dataterritoires.datasetsearch.domain.ProducerType;
import fr.dataterritoires.datasetsearch.domain.SchemaDeclaration;
import fr.dataterritoires.datasetsearch.domain.TemporalCoverage;
import fr.dataterritoires.datasetsearch.domain.TerritorialCoverage;
import fr.dataterritoires.datasetsearch.domain.TerritoryRef;
import fr.dataterritoires.datasetsearch.domain.UpdateFrequency;
import fr.dataterritoires.datasetsearch.domain.UsageCounts;
import fr.dataterritoires.territory.Territories;
import fr.dataterritoires.territory.TerritoryLevel;

/**
 * A varied set of French datasets for the export tests: open, shared and restricted; with and without description,
 * licence, coverage, period, schema; several distributions, sloppy addresses. The first is built from the fields of a
 * real CKAN record (DataSud, car parks of Gap).
 */
public final class ExportFixtures {

    public static final Instant SEEN = Instant.parse("2026-11-20T08:00:00Z");
    public static final Instant NOW = Instant.parse("2026-11-29T00:00:00Z");

    public static final DatasetId PARKINGS = id("0b1e4c6a-2f3d-4a5b-8c9d-0e1f2a3b4c5d");
    public static final DatasetId IRVE = id("1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f");
    public static final DatasetId SHARED_NO_DESCRIPTION = id("2d3e4f5a-6b7c-4d8e-9f0a-1b2c3d4e5f6a");
    public static final DatasetId RESTRICTED = id("3e4f5a6b-7c8d-4e9f-0a1b-2c3d4e5f6a7b");
    public static final DatasetId SLOPPY = id("4f5a6b7c-8d9e-4f0a-1b2c-3d4e5f6a7b8c");
    public static final DatasetId TWO_SOURCES = id("5a6b7c8d-9e0f-4a1b-2c3d-4e5f6a7b8c9d");
    public static final DatasetId WITHDRAWN = id("6b7c8d9e-0f1a-4b2c-3d4e-5f6a7b8c9d0e");

    private ExportFixtures() {
    }

    /** Every fixture, the withdrawn one included (exports must leave it out). */
    public static List<Dataset> all() {
        List<Dataset> all = new ArrayList<>();
        all.add(parkingsOfGap());
        all.add(irve());
        all.add(sharedWithoutDescription());
        all.add(restricted());
        all.add(sloppy());
        all.add(twoSources());
        all.add(withdrawn());
        return all;
    }

    public static int publishedCount() {
        return 6;
    }

    /** From ckan-api/datasud/package_show-parkings-ville-de-gap.json. */
    public static Dataset parkingsOfGap() {
        JsonNode record = read("ckan-api/datasud/package_show-parkings-ville-de-gap.json").get("result");
        List<String> tags = new ArrayList<>();
        record.get("tags").forEach(tag -> tags.add(text(tag, "display_name")));
        List<String> themes = new ArrayList<>();
        record.get("groups").forEach(group -> themes.add(text(group, "title")));
        List<Distribution> distributions = new ArrayList<>();
        record.get("resources").forEach(resource -> distributions.add(new Distribution(text(resource, "name"),
                text(resource, "url"), null, text(resource, "format"), text(resource, "mimetype"),
                resource.get("size").isNumber() ? resource.get("size").longValue() : null)));
        JsonNode organization = record.get("organization");
        var description = new DatasetDescription("https://www.datasud.fr/dataset/" + text(record, "id"),
                text(record, "url"), text(record, "title"), text(record, "notes"), tags, themes,
                new Producer(text(organization, "title"), null, ProducerType.EPCI),
                new ContactPoint(text(record, "author"), text(record, "author_email"), null),
                text(record, "license_id"), distributions, AccessLevel.OPEN, null,
                new TerritorialCoverage(Set.of(new TerritoryRef(TerritoryLevel.COMMUNE, "05061")), Granularity.OTHER),
                null, UpdateFrequency.IRREGULAR, Instant.parse("2025-07-16T15:05:30Z"),
                Instant.parse("2025-07-16T15:05:50Z"), null, new UsageCounts(120, 15, 0, 2));
        return Dataset.discover(PARKINGS, "datasud", text(record, "id"), description, SEEN);
    }

    public static Dataset irve() {
        var description = new DatasetDescription("https://www.data.gouv.fr/datasets/5448d3e0c751df01f85d0572",
                "https://www.data.gouv.fr/fr/datasets/fichier-consolide-des-bornes-de-recharge-pour-vehicules-electriques/",
                "Fichier consolidé des Bornes de Recharge pour Véhicules Électriques",
                "Ce jeu de données consolide les points de recharge pour véhicules électriques (IRVE) déclarés par "
                        + "les aménageurs selon le schéma national, avec leur localisation, leur puissance et leurs "
                        + "conditions d'accès. Il est mis à jour chaque jour.",
                List.of("IRVE", "bornes de recharge", "véhicules électriques", "mobilité"),
                List.of("Transports et mobilité", "http://publications.europa.eu/resource/authority/data-theme/ENER"),
                new Producer("Direction interministérielle du numérique", "130025265", ProducerType.STATE_SERVICE),
                new ContactPoint("Équipe data.gouv.fr", "support@data.gouv.fr", "https://www.data.gouv.fr/fr/support/"),
                "etalab-2.0",
                List.of(new Distribution("Consolidation IRVE (CSV)", null,
                                "https://www.data.gouv.fr/fr/datasets/r/eb76d20a-8501-400e-b336-d85724de5435", "csv",
                                "text/csv", 38_650_112L),
                        new Distribution("Consolidation IRVE (GeoJSON)", null,
                                "https://www.data.gouv.fr/fr/datasets/r/7eee8f09-5d1b-4f48-a304-5e99e8da1e26",
                                "geojson", null, null),
                        new Distribution("API tabulaire", "https://tabular-api.data.gouv.fr/api/resources/eb76d20a/",
                                null, "json", "application/json", null)),
                AccessLevel.OPEN, null,
                new TerritorialCoverage(Set.of(TerritoryRef.NATIONAL), Granularity.OTHER),
                new TemporalCoverage(LocalDate.of(2024, 1, 1), LocalDate.of(2026, 11, 27)), UpdateFrequency.DAILY,
                Instant.parse("2014-10-23T10:00:00Z"), Instant.parse("2026-11-28T04:12:00Z"),
                new SchemaDeclaration("etalab/schema-irve-statique", "2.3.1", SchemaDeclaration.Conformity.CONFORMS),
                new UsageCounts(250_000, 40_000, 85, 900));
        return Dataset.discover(IRVE, "datagouv", "5448d3e0c751df01f85d0572", description, SEEN);
    }

    /** Shared in a data space; the source gives no description nor licence. */
    public static Dataset sharedWithoutDescription() {
        String epci = Territories.get().epcis().getFirst().code();
        var description = new DatasetDescription("urn:uuid:0f7c4a6e-1111-4222-8333-944455556666", null,
                "Consommations d'eau des bâtiments intercommunaux", null, List.of("eau", "bâtiments"),
                List.of("Environnement"), new Producer(Territories.get().epcis().getFirst().name(), epci,
                        ProducerType.EPCI),
                null, null,
                List.of(new Distribution("Export mensuel", "https://espace-donnees.example.fr/jeux/conso-eau", null,
                        "xlsx", null, null)),
                AccessLevel.SHARED, "https://espace-donnees.example.fr/adhesion",
                new TerritorialCoverage(Set.of(new TerritoryRef(TerritoryLevel.EPCI, epci)), Granularity.EPCI),
                null, UpdateFrequency.MONTHLY, null, null, null, null);
        return Dataset.discover(SHARED_NO_DESCRIPTION, "espace-donnees", "conso-eau", description, SEEN);
    }

    /** Restricted: an access procedure, no distribution, a theme no EU theme fits and a foreign theme IRI. */
    public static Dataset restricted() {
        var description = new DatasetDescription("https://geo.example.fr/csw/records/pprn-2a", null,
                "Plan de prévention des risques naturels de Corse-du-Sud (données de travail)",
                "Zonages réglementaires provisoires des plans de prévention des risques naturels d'inondation et "
                        + "de submersion marine en Corse-du-Sud, communiqués sur demande aux collectivités.",
                List.of("PPRN", "inondation", "submersion"),
                List.of("Thématique à trier", "http://inspire.ec.europa.eu/theme/nz"),
                new Producer("Direction départementale des territoires et de la mer de Corse-du-Sud", null,
                        ProducerType.STATE_SERVICE),
                new ContactPoint(null, "ddtm-risques@corse-du-sud.gouv.fr", null), "Licence Ouverte",
                List.of(), AccessLevel.RESTRICTED, "Demande écrite à la DDTM, service risques",
                new TerritorialCoverage(Set.of(new TerritoryRef(TerritoryLevel.DEPARTEMENT, "2A")),
                        Granularity.COMMUNE),
                new TemporalCoverage(null, LocalDate.of(2025, 6, 30)), UpdateFrequency.UNKNOWN, null,
                Instant.parse("2025-09-01T12:00:00Z"), null, null);
        return Dataset.discover(RESTRICTED, "geo-ide", "pprn-2a", description, SEEN);
    }

    /** Sloppy addresses and formats, a licence only named in words, a one-off publication. */
    public static Dataset sloppy() {
        var description = new DatasetDescription("https://opendata.example-ville.fr/explore/dataset/iris-logements",
                "https://opendata.example-ville.fr/explore/dataset/iris-logements/ page",
                "Logements vacants par IRIS et quartier prioritaire",
                "Nombre de logements vacants par IRIS, quartier prioritaire et région, issu du fichier LOVAC.",
                List.of("logement", "vacance", "LOVAC"), List.of("Logement", "Population et société"),
                Producer.unknown("Ville d'Exemple"), new ContactPoint("Service SIG", "pas-une-adresse", "ftp:/cassé"),
                "Licence maison de la commune",
                List.of(new Distribution("Fichier principal", "not a url", "https://opendata.example-ville.fr/files/lovac 2024.csv",
                                "text/csv", "text/csv; charset=utf-8", 1234L),
                        new Distribution("Archive", "https://opendata.example-ville.fr/files/lovac.mbtiles", null,
                                "mbtiles", null, null),
                        new Distribution("Couche", "https://opendata.example-ville.fr/geo/ows", null,
                                "Shapefile (zip)", null, null)),
                AccessLevel.OPEN, null,
                new TerritorialCoverage(Set.of(new TerritoryRef(TerritoryLevel.IRIS, "751010101"),
                        new TerritoryRef(TerritoryLevel.QPV, "QN07501M"),
                        new TerritoryRef(TerritoryLevel.REGION, "11")), Granularity.IRIS),
                new TemporalCoverage(LocalDate.of(2024, 1, 1), null), UpdateFrequency.PUNCTUAL,
                Instant.parse("2024-03-01T00:00:00Z"), null, new SchemaDeclaration("lovac-iris", null, null),
                null);
        return Dataset.discover(SLOPPY, "ods-exemple", "iris-logements", description, SEEN);
    }

    /** Seen in two sources: the better-described one is shown, usage counts add up. */
    public static Dataset twoSources() {
        var poor = new DatasetDescription("https://www.datasud.fr/dataset/dechetteries", null,
                "Déchetteries de la CAGTD", null, List.of("déchets"), List.of(), null, null, null,
                List.of(new Distribution(null, "https://www.datasud.fr/dechetteries.csv", null, "csv", null, null)),
                AccessLevel.OPEN, null, null, null, null, null, null, null, new UsageCounts(10, 1, 0, 0));
        var rich = new DatasetDescription("https://www.data.gouv.fr/datasets/dechetteries-cagtd",
                "https://www.data.gouv.fr/fr/datasets/dechetteries-cagtd/", "Déchetteries de la CAGTD",
                "Localisation, horaires et déchets acceptés des déchetteries de la communauté d'agglomération "
                        + "Gap-Tallard-Durance, mise à jour à chaque changement d'horaires.",
                List.of("déchets", "déchetterie"), List.of("Environnement"),
                new Producer("Communauté d'Agglomération de Gap-Tallard-Durance", null, ProducerType.EPCI), null,
                "ODbL",
                List.of(new Distribution("Déchetteries (GeoJSON)", null, "https://www.data.gouv.fr/r/dechetteries.geojson",
                        "geojson", "application/geo+json", 52_000L)),
                AccessLevel.OPEN, null,
                new TerritorialCoverage(Set.of(new TerritoryRef(TerritoryLevel.COMMUNE, "05061")), Granularity.OTHER),
                new TemporalCoverage(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31)), UpdateFrequency.ANNUAL,
                Instant.parse("2025-01-10T00:00:00Z"), Instant.parse("2026-01-15T09:30:00Z"), null,
                new UsageCounts(300, 40, 1, 3));
        Dataset dataset = Dataset.discover(TWO_SOURCES, "datasud", "dechetteries", poor, SEEN);
        dataset.observe("datagouv", "dechetteries-cagtd", rich, SEEN);
        return dataset;
    }

    public static Dataset withdrawn() {
        Dataset dataset = withdrawnBeforeDrop();
        dataset.dropFrom("datagouv", "ancien", SEEN);
        return dataset;
    }

    /** The withdrawn fixture while still published (to store it, then withdraw it). */
    public static Dataset withdrawnBeforeDrop() {
        var description = new DatasetDescription("https://www.data.gouv.fr/datasets/ancien", null,
                "Ancien jeu de données retiré", "Ne doit plus apparaître.", List.of(), List.of(), null, null, null,
                List.of(), AccessLevel.OPEN, null, null, null, null, null, null, null, null);
        return Dataset.discover(WITHDRAWN, "datagouv", "ancien", description, SEEN);
    }

    private static DatasetId id(String uuid) {
        return new DatasetId(UUID.fromString(uuid));
    }

    private static JsonNode read(String relative) {
        try {
            return JsonMapper.builder().build().readTree(Files.readString(RealDataFiles.file(relative)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }
}
