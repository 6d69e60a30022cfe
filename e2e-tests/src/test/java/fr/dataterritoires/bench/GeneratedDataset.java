package fr.dataterritoires.bench;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One dataset of the generated catalogue, as a producer would describe it. Written out by {@link UdataJson}.
 *
 * @param index          position in the catalogue (0-based), which with the seed determines everything else
 * @param id             udata-style 24-hex id
 * @param access         open, shared or restricted
 * @param territoryLevel udata zone level: commune, epci, departement, region, country
 * @param granularity    udata granularity id (fr:commune, fr:departement, country...)
 */
record GeneratedDataset(
        long index,
        String id,
        String slug,
        String title,
        String description,
        Vocabulary.Subject subject,
        List<String> tags,
        String territoryLevel,
        String territoryCode,
        String territoryName,
        String granularity,
        Producer producer,
        Access access,
        String licence,
        String frequency,
        LocalDate temporalStart,
        LocalDate temporalEnd,
        Instant created,
        Instant modified,
        List<Resource> resources,
        long views,
        long followers,
        long reuses,
        long downloads) {

    enum Access { OPEN, SHARED, RESTRICTED }

    /**
     * @param type  commune, epci, departement, region, state_service, operator, association, company
     * @param badge udata organisation badge kind (local-authority, public-service, association, company)
     * @param siren SIREN when the producer is a collectivity with one, else null
     */
    record Producer(String id, String name, String slug, String type, String badge, String siren) {
    }

    record Resource(String id, String title, String format, String mime, String url, long filesize,
                    String schema, String schemaVersion) {
    }
}
