package fr.dataterritoires.datasetsearch.application.harvest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import fr.dataterritoires.datasetsearch.domain.AccessLevel;
import fr.dataterritoires.datasetsearch.domain.ContactPoint;
import fr.dataterritoires.datasetsearch.domain.DatasetDescription;
import fr.dataterritoires.datasetsearch.domain.Distribution;
import fr.dataterritoires.datasetsearch.domain.Granularity;
import fr.dataterritoires.datasetsearch.domain.HarvestItem;
import fr.dataterritoires.datasetsearch.domain.Producer;
import fr.dataterritoires.datasetsearch.domain.ProducerType;
import fr.dataterritoires.datasetsearch.domain.SchemaDeclaration;
import fr.dataterritoires.datasetsearch.domain.TemporalCoverage;
import fr.dataterritoires.datasetsearch.domain.TerritorialCoverage;
import fr.dataterritoires.datasetsearch.domain.TerritoryRef;
import fr.dataterritoires.datasetsearch.domain.UpdateFrequency;
import fr.dataterritoires.datasetsearch.domain.UsageCounts;
import fr.dataterritoires.territory.TerritoryLevel;

/** Descriptions and harvest items as the format readers produce them. */
public final class Descriptions {

    private Descriptions() {
    }

    public static DatasetDescription simple(String sourceUri, String landingPage, String title) {
        return new DatasetDescription(sourceUri, landingPage, title, null, List.of(), List.of(), null, null,
                "etalab-2.0", List.of(new Distribution(null, null, sourceUri + "/data.csv", "csv", null, null)),
                AccessLevel.OPEN, null, null, null, null, null, null, null, null);
    }

    public static HarvestItem.Parsed parsed(String key, DatasetDescription description) {
        return new HarvestItem.Parsed(key, description, "{\"id\":\"" + key + "\"}");
    }

    public static HarvestItem.Parsed parsed(String key, String sourceUri, String title) {
        return parsed(key, simple(sourceUri, null, title));
    }

    /** Every field set, with values that normalisation would not change twice (for round trips). */
    public static DatasetDescription rich(String sourceUri) {
        return new DatasetDescription(
                sourceUri,
                sourceUri + "/fiche/",
                "Bornes de recharge pour véhicules électriques (IRVE)",
                "Localisation des points de recharge, « ouverts au public », mis à jour chaque mois ; 100 % des "
                        + "stations déclarées. Données consolidées par Etalab.",
                List.of("IRVE", "mobilité électrique", "recharge"),
                List.of("http://publications.europa.eu/resource/authority/data-theme/TRAN", "Transports"),
                new Producer("Métropole du Grand Paris", "200054781", ProducerType.EPCI),
                new ContactPoint("Service données", "donnees@example.fr", null),
                "etalab-2.0",
                List.of(new Distribution("Export CSV", "https://example.fr/irve", "https://example.fr/irve.csv", "text/csv",
                                "text/csv", 123456789L),
                        new Distribution(null, "https://example.fr/api/irve", null, null, null, null)),
                AccessLevel.SHARED,
                "https://example.fr/demande-acces",
                new TerritorialCoverage(Set.of(new TerritoryRef(TerritoryLevel.EPCI, "200054781"),
                        new TerritoryRef(TerritoryLevel.COMMUNE, "75056"), new TerritoryRef(TerritoryLevel.DEPARTEMENT, "2A")),
                        Granularity.COMMUNE),
                new TemporalCoverage(LocalDate.of(2021, 1, 1), LocalDate.of(2023, 12, 31)),
                UpdateFrequency.MONTHLY,
                Instant.parse("2021-03-04T05:06:07.123456789Z"),
                Instant.parse("2024-06-30T22:00:00Z"),
                new SchemaDeclaration("etalab/schema-irve-statique", "2.3.1", SchemaDeclaration.Conformity.CONFORMS),
                new UsageCounts(1200, 340, 5, 17));
    }
}
