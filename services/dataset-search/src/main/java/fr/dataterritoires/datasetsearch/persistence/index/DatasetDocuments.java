package fr.dataterritoires.datasetsearch.persistence.index;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import fr.dataterritoires.datasetsearch.application.search.DatasetCard;
import fr.dataterritoires.datasetsearch.domain.AccessLevel;
import fr.dataterritoires.datasetsearch.domain.Dataset;
import fr.dataterritoires.datasetsearch.domain.DatasetDescription;
import fr.dataterritoires.datasetsearch.domain.Granularity;
import fr.dataterritoires.datasetsearch.domain.ProducerType;
import fr.dataterritoires.datasetsearch.domain.Provenance;
import fr.dataterritoires.datasetsearch.domain.QualityScore;
import fr.dataterritoires.datasetsearch.domain.TerritoryRef;

/** Index documents: a published dataset as the mapping holds it, and back as a {@link DatasetCard}. */
final class DatasetDocuments {

    static final int EXCERPT_LENGTH = 240;

    private DatasetDocuments() {
    }

    /** The document of a published dataset, as described at {@code now}; empty for a withdrawn one. */
    static Optional<Map<String, Object>> document(Dataset dataset, Instant now) {
        if (!dataset.isPublished()) {
            return Optional.empty();
        }
        return dataset.description(now).map(d -> document(dataset, d, QualityScore.assess(d, now), now));
    }

    private static Map<String, Object> document(Dataset dataset, DatasetDescription d, QualityScore quality,
                                                Instant now) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("id", dataset.id().toString());
        doc.put("title", d.title());
        doc.put("description", d.description());
        doc.put("keywords", d.keywords());
        doc.put("themes", d.themes());
        if (d.producer() != null) {
            doc.put("producerName", d.producer().name());
            doc.put("producerSiren", d.producer().siren());
            doc.put("producerType", d.producer().type().name());
        } else {
            doc.put("producerType", ProducerType.UNKNOWN.name());
        }
        doc.put("licence", d.licence());
        // Licences are spelled in many cases ("ODbL", "odbl"): filters compare this lower-cased copy.
        doc.put("licenceKey", d.licence() == null ? null : d.licence().toLowerCase(java.util.Locale.ROOT));
        doc.put("formats", d.formats());
        doc.put("accessLevel", d.accessLevel().name());
        doc.put("coverage", d.coverage().territories().stream().map(TerritoryRef::key).sorted().toList());
        doc.put("granularity", d.coverage().granularity().name());
        if (d.temporal() != null) {
            doc.put("temporalStart", d.temporal().start() == null ? null : d.temporal().start().toString());
            doc.put("temporalEnd", d.temporal().end() == null ? null : d.temporal().end().toString());
        }
        doc.put("frequency", d.frequency().name());
        doc.put("issued", d.issued() == null ? null : d.issued().toString());
        doc.put("modified", d.lastChange().map(Instant::toString).orElse(null));
        if (d.schema() != null) {
            doc.put("schemaId", d.schema().id());
            doc.put("schemaVersion", d.schema().version());
        }
        doc.put("quality", quality.value());
        doc.put("qualityCriteria", quality.criteria().entrySet().stream().filter(Map.Entry::getValue)
                .map(e -> e.getKey().name()).toList());
        doc.put("popularity", d.usage().popularity());
        doc.put("demand", dataset.demand().total());
        doc.put("priority", dataset.demand().isPriority());
        List<Provenance> provenance = dataset.provenance();
        doc.put("sourceIds", provenance.stream().map(Provenance::sourceId).distinct().toList());
        doc.put("sourceUri", d.sourceUri());
        doc.put("landingPage", d.landingPage());
        Set<String> references = new LinkedHashSet<>();
        for (Provenance p : provenance) {
            references.add(p.description().sourceUri());
            if (p.description().landingPage() != null) {
                references.add(p.description().landingPage());
            }
        }
        doc.put("references", List.copyOf(references));
        doc.put("indexedAt", now.toString());
        doc.values().removeIf(v -> v == null);
        return doc;
    }

    /** A card from a hit's source; {@code highlight} is the best matching passage of the description, if any. */
    static DatasetCard card(Map<?, ?> source, String highlight) {
        String description = text(source.get("description"));
        return new DatasetCard(
                text(source.get("id")),
                text(source.get("title")),
                description,
                highlight != null ? highlight : excerpt(description),
                text(source.get("producerName")),
                text(source.get("producerSiren")),
                enumValue(ProducerType.class, source.get("producerType"), ProducerType.UNKNOWN),
                enumValue(AccessLevel.class, source.get("accessLevel"), AccessLevel.OPEN),
                texts(source.get("coverage")),
                enumValue(Granularity.class, source.get("granularity"), Granularity.UNKNOWN),
                texts(source.get("formats")),
                texts(source.get("themes")),
                texts(source.get("keywords")),
                text(source.get("licence")),
                source.get("quality") instanceof Number n ? n.doubleValue() : 0,
                texts(source.get("qualityCriteria")),
                source.get("modified") instanceof String s ? Instant.parse(s) : null,
                text(source.get("sourceUri")),
                text(source.get("landingPage")),
                text(source.get("schemaId")),
                text(source.get("schemaVersion")),
                source.get("popularity") instanceof Number n ? n.longValue() : 0);
    }

    /** The start of the description, cut at a word. */
    static String excerpt(String description) {
        if (description == null) {
            return null;
        }
        String flat = description.replaceAll("\\s+", " ").strip();
        if (flat.length() <= EXCERPT_LENGTH) {
            return flat;
        }
        int cut = flat.lastIndexOf(' ', EXCERPT_LENGTH);
        return flat.substring(0, cut > EXCERPT_LENGTH / 2 ? cut : EXCERPT_LENGTH) + "…";
    }

    private static String text(Object value) {
        return value instanceof String s ? s : null;
    }

    private static List<String> texts(Object value) {
        List<String> values = new ArrayList<>();
        if (value instanceof List<?> list) {
            list.stream().filter(String.class::isInstance).map(String.class::cast).forEach(values::add);
        } else if (value instanceof String s) {
            values.add(s);
        }
        return values;
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, Object value, E fallback) {
        if (value instanceof String s) {
            try {
                return Enum.valueOf(type, s);
            } catch (IllegalArgumentException unknown) {
                return fallback;
            }
        }
        return fallback;
    }
}
