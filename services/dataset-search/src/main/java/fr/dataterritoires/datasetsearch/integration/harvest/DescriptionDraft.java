package fr.dataterritoires.datasetsearch.integration.harvest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import fr.dataterritoires.datasetsearch.domain.AccessLevel;
import fr.dataterritoires.datasetsearch.domain.ContactPoint;
import fr.dataterritoires.datasetsearch.domain.DatasetDescription;
import fr.dataterritoires.datasetsearch.domain.Distribution;
import fr.dataterritoires.datasetsearch.domain.Granularity;
import fr.dataterritoires.datasetsearch.domain.HarvestSource;
import fr.dataterritoires.datasetsearch.domain.Producer;
import fr.dataterritoires.datasetsearch.domain.SchemaDeclaration;
import fr.dataterritoires.datasetsearch.domain.TemporalCoverage;
import fr.dataterritoires.datasetsearch.domain.TerritorialCoverage;
import fr.dataterritoires.datasetsearch.domain.TerritoryRef;
import fr.dataterritoires.datasetsearch.domain.UpdateFrequency;
import fr.dataterritoires.datasetsearch.domain.UsageCounts;

/**
 * A dataset description being gathered field by field from a record. Parts that do not hold together (a distribution
 * without URL, a period ending before it starts) are dropped with a note rather than failing the whole record; only a
 * missing identifier or title makes {@link #build} fail.
 */
public final class DescriptionDraft {

    public String sourceUri;
    public String landingPage;
    public String title;
    public String description;
    public final List<String> keywords = new ArrayList<>();
    public final List<String> themes = new ArrayList<>();
    public Producer producer;
    public ContactPoint contactPoint;
    public String licence;
    public final List<Distribution> distributions = new ArrayList<>();
    public AccessLevel accessLevel;
    public String accessProcedure;
    public final Set<TerritoryRef> territories = new LinkedHashSet<>();
    public Granularity granularity = Granularity.UNKNOWN;
    public TemporalCoverage temporal;
    public UpdateFrequency frequency = UpdateFrequency.UNKNOWN;
    public Instant issued;
    public Instant modified;
    public SchemaDeclaration schema;
    public UsageCounts usage = UsageCounts.NONE;
    /** What was seen but could not be kept (geometry-only coverage, bad distribution...), for diagnosis. */
    public final List<String> notes = new ArrayList<>();

    public void distribution(String title, String accessUrl, String downloadUrl, String format, String mediaType,
            Long byteSize) {
        try {
            distributions.add(new Distribution(title, accessUrl, downloadUrl,
                    formatName(format == null || format.isBlank() ? mediaType : format), mediaType,
                    byteSize != null && byteSize < 0 ? null : byteSize));
        } catch (IllegalArgumentException incomplete) {
            notes.add("distribution ignorée : " + incomplete.getMessage());
        }
    }

    /** Format names as portals write them ("OGC:WMS", "Shapefile (zip)", "Web Page") in the domain's terms. */
    static String formatName(String format) {
        if (format == null || format.isBlank()) {
            return null;
        }
        String upper = format.strip().toUpperCase(java.util.Locale.ROOT);
        if (upper.startsWith("OGC:")) {
            // GeoNetwork protocols: "OGC:WMS-1.3.0-HTTP-GET-MAP" is a WMS.
            upper = upper.substring(4).split("[-\\s]")[0];
        }
        if (upper.startsWith("WWW:LINK")) {
            return "HTML";
        }
        if (upper.startsWith("WWW:DOWNLOAD") || upper.startsWith("WWW:FTP")) {
            return null;
        }
        if (upper.contains("SHAPEFILE") || upper.equals("SHP (ZIP)") || upper.equals("ESRI SHP")) {
            return "SHP";
        }
        if (upper.equals("WEB PAGE") || upper.equals("PAGE WEB") || upper.equals("TEXT/HTML")) {
            return "HTML";
        }
        if (upper.contains("GEOJSON")) {
            return "GEOJSON";
        }
        if (upper.contains("ARCGIS GEOSERVICES") || upper.contains("ESRI REST")) {
            return "ESRI REST";
        }
        int dash = upper.indexOf(" - ");
        return dash > 0 ? upper.substring(0, dash).strip() : upper;
    }

    public void contact(String name, String email, String url) {
        if (contactPoint != null) {
            return;
        }
        if (email != null && email.toLowerCase(java.util.Locale.ROOT).startsWith("mailto:")) {
            email = email.substring(7);
        }
        if (name == null && email == null && url == null) {
            return;
        }
        try {
            contactPoint = new ContactPoint(name, email, url);
        } catch (IllegalArgumentException empty) {
            notes.add("point de contact ignoré");
        }
    }

    public void producer(String name, String siren) {
        if (producer == null && name != null && !name.isBlank()) {
            producer = Producers.producer(name, siren);
        }
    }

    public void temporal(LocalDate start, LocalDate end) {
        if (temporal != null || (start == null && end == null)) {
            return;
        }
        if (start != null && end != null && end.isBefore(start)) {
            notes.add("période ignorée : la fin " + end + " précède le début " + start);
            return;
        }
        temporal = new TemporalCoverage(start, end);
    }

    public void schema(String id, String version) {
        if (schema == null && id != null && !id.isBlank()) {
            schema = new SchemaDeclaration(id, version, SchemaDeclaration.Conformity.NOT_CHECKED);
        }
    }

    /** The frequency, unless a declared one is already known. */
    public void frequency(UpdateFrequency value) {
        if (value != null && !frequency.isDeclared()) {
            frequency = value;
        }
    }

    /**
     * @throws IllegalArgumentException with a French reason when the record lacks what every dataset must have
     */
    public DatasetDescription build(HarvestSource source) {
        if (sourceUri == null || sourceUri.isBlank()) {
            throw new IllegalArgumentException("la fiche n'a pas d'identifiant");
        }
        if (title == null || title.isBlank()) {
            throw new IllegalArgumentException("la fiche « " + sourceUri.strip() + " » n'a pas de titre");
        }
        Producer kept = producer != null ? producer : source.defaultProducer();
        AccessLevel access = accessLevel != null ? accessLevel : source.defaultAccessLevel();
        return new DatasetDescription(sourceUri, landingPage, title, description, keywords, themes, kept,
                contactPoint, licence, distributions, access, accessProcedure,
                new TerritorialCoverage(territories, granularity), temporal, frequency, issued, modified, schema,
                usage);
    }
}
