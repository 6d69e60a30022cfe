package fr.dataterritoires.bench;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;

import fr.dataterritoires.territory.Commune;
import fr.dataterritoires.territory.Departement;
import fr.dataterritoires.territory.Epci;
import fr.dataterritoires.territory.Region;
import fr.dataterritoires.territory.Territories;
import fr.dataterritoires.territory.Territory;

/**
 * A deterministic catalogue of French territorial datasets. Dataset {@code i} depends only on the seed and on
 * {@code i}, so any page can be produced on its own, in any order, without holding the catalogue in memory.
 *
 * <p>Coverage: the level comes from the subject (budgets are local, ZNIEFF regional or national...), the territory
 * at that level is drawn weighted by population (real COG communes, EPCI, départements and régions). The producer
 * is consistent with it: the commune or EPCI itself, the préfecture or DDT of the département, the DREAL of the
 * région, a national operator, a local association or a company of the trade.
 */
final class CatalogueGenerator {

    /** Dates are drawn before this instant, so that the catalogue does not depend on the day it is generated. */
    static final Instant REFERENCE_NOW = Instant.parse("2026-11-01T00:00:00Z");
    private static final Instant OLDEST = Instant.parse("2014-01-01T00:00:00Z");

    private static final String[] LEVELS = {"commune", "epci", "departement", "region", "country"};

    private final long seed;
    private final long size;
    private final Territories territories;
    private final WeightedTable<Commune> communes;
    private final WeightedTable<Epci> epcis;
    private final WeightedTable<Departement> departements;
    private final WeightedTable<Region> regions;
    private final int[] subjectCumulative;

    CatalogueGenerator(long seed, long size) {
        this.seed = seed;
        this.size = size;
        this.territories = Territories.get();
        // Overseas collectivities outside any région are left out: they have no région to consistently attach to.
        this.communes = new WeightedTable<>(territories.communes().stream().filter(c -> c.regionCode().isPresent()).toList());
        this.epcis = new WeightedTable<>(territories.epcis());
        this.departements = new WeightedTable<>(territories.departements().stream()
                .filter(d -> d.regionCode().isPresent()).toList());
        this.regions = new WeightedTable<>(territories.regions());
        this.subjectCumulative = new int[Vocabulary.SUBJECTS.size()];
        int total = 0;
        for (int i = 0; i < subjectCumulative.length; i++) {
            total += Vocabulary.SUBJECTS.get(i).weight();
            subjectCumulative[i] = total;
        }
    }

    long size() {
        return size;
    }

    long seed() {
        return seed;
    }

    Territories territories() {
        return territories;
    }

    /** Communes drawn as the catalogue draws them (weighted by population), for the query mix. */
    Commune drawCommune(SplittableRandom random) {
        return communes.draw(random);
    }

    Epci drawEpci(SplittableRandom random) {
        return epcis.draw(random);
    }

    Departement drawDepartement(SplittableRandom random) {
        return departements.draw(random);
    }

    Region drawRegion(SplittableRandom random) {
        return regions.draw(random);
    }

    /** Dataset {@code index} (0-based, below {@link #size()}). */
    GeneratedDataset dataset(long index) {
        SplittableRandom random = new SplittableRandom(mix(seed * 0x9E3779B97F4A7C15L + index));
        Vocabulary.Subject subject = drawSubject(random);
        int level = drawIndex(random, subject.levels());
        Territory territory = switch (level) {
            case 0 -> communes.draw(random);
            case 1 -> epcis.draw(random);
            case 2 -> departements.draw(random);
            case 3 -> regions.draw(random);
            default -> territories.national();
        };
        GeneratedDataset.Producer producer = producer(random, subject, level, territory);

        int year = 2025 - (int) Math.min(9, Math.floor(-Math.log(1 - random.nextDouble()) * 2.5));
        LocalDate temporalStart;
        LocalDate temporalEnd;
        switch (subject.frequency()) {
            case "daily", "weekly", "monthly" -> {
                temporalStart = LocalDate.of(year - random.nextInt(4), 1, 1);
                temporalEnd = LocalDate.of(year, 1 + random.nextInt(12), 1).plusMonths(1).minusDays(1);
            }
            case "irregular" -> {
                temporalStart = random.nextInt(3) == 0 ? null : LocalDate.of(year, 1, 1);
                temporalEnd = temporalStart == null ? null : LocalDate.of(year + random.nextInt(3), 12, 31);
            }
            default -> {
                temporalStart = LocalDate.of(year, 1, 1);
                temporalEnd = LocalDate.of(year, 12, 31);
            }
        }
        if (temporalEnd != null && temporalEnd.isAfter(LocalDate.of(2026, 10, 31))) {
            temporalEnd = LocalDate.of(2026, 10, 31);
        }
        Instant created = between(random, OLDEST, LocalDate.of(Math.min(year + 1, 2026), 6, 30)
                .atStartOfDay().toInstant(ZoneOffset.UTC));
        // Frequent updates concentrate modification dates near the present; the others spread after creation.
        double recency = switch (subject.frequency()) {
            case "daily", "weekly" -> 0.05;
            case "monthly" -> 0.2;
            case "quarterly" -> 0.35;
            default -> 1.0;
        };
        long span = ChronoUnit.SECONDS.between(created, REFERENCE_NOW);
        Instant modified = REFERENCE_NOW.minusSeconds((long) (span * Math.pow(random.nextDouble(), 1 / recency) * recency));
        if (modified.isBefore(created)) {
            modified = created;
        }

        String territoryName = territory.name();
        String title = title(random, subject, territory, year, producer);
        String description = description(random, subject, territory, producer, temporalStart, temporalEnd);

        double closed = subject.closedShare() + 0.04;
        double accessDraw = random.nextDouble();
        GeneratedDataset.Access access = accessDraw >= closed ? GeneratedDataset.Access.OPEN
                : accessDraw < closed * 0.45 ? GeneratedDataset.Access.SHARED : GeneratedDataset.Access.RESTRICTED;
        String licence = access == GeneratedDataset.Access.OPEN
                ? pick(random, "etalab-2.0", "etalab-2.0", "etalab-2.0", "etalab-2.0", "etalab-2.0", "lov2", "lov2",
                        "odc-odbl", "odc-odbl", "cc-by", "cc-by-sa", "fr-lo", "notspecified")
                : pick(random, "notspecified", "other-at", "other-at");

        Set<String> tags = new LinkedHashSet<>();
        List<String> keywords = subject.keywords();
        int tagCount = Math.min(keywords.size(), 2 + random.nextInt(3));
        for (int i = 0; i < tagCount; i++) {
            tags.add(slug(keywords.get(i == 0 ? 0 : random.nextInt(keywords.size()))));
        }
        tags.add(slug(subject.theme()));
        if (level < 4 && random.nextInt(3) == 0) {
            tags.add(slug(territoryName));
        }
        tags.add(String.valueOf(year));

        List<GeneratedDataset.Resource> resources = resources(random, subject, index, access, year);

        // Usage: a long tail (Pareto, alpha 1.1), a little higher for populous territories.
        double popFactor = 1 + Math.log10(Math.max(10, territory.population())) / 4;
        long views = (long) Math.min(3_000_000, 3 * popFactor / Math.pow(1 - random.nextDouble(), 1 / 1.1));
        long followers = views / (150 + random.nextInt(200));
        long reuses = views > 2000 ? random.nextInt((int) Math.min(60, views / 2000) + 1) : random.nextInt(20) == 0 ? 1 : 0;
        long downloads = (long) (views * (0.1 + random.nextDouble() * 0.8));

        String id = hex((mix(seed) >>> 32), 8) + hex(index, 16);
        String slug = slug(title) + "-" + Long.toString(index, 36);
        String granularity = granularity(random, level);
        return new GeneratedDataset(index, id, slug, title, description, subject, List.copyOf(tags), LEVELS[level],
                territory.code(), territoryName, granularity, producer, access, licence, subject.frequency(),
                temporalStart, temporalEnd, created, modified, resources, views, followers, reuses, downloads);
    }

    private Vocabulary.Subject drawSubject(SplittableRandom random) {
        int draw = random.nextInt(subjectCumulative[subjectCumulative.length - 1]);
        for (int i = 0; i < subjectCumulative.length; i++) {
            if (draw < subjectCumulative[i]) {
                return Vocabulary.SUBJECTS.get(i);
            }
        }
        throw new IllegalStateException();
    }

    private static String granularity(SplittableRandom random, int level) {
        return switch (level) {
            case 0 -> "fr:commune";
            case 1 -> random.nextInt(3) == 0 ? "fr:epci" : "fr:commune";
            case 2 -> random.nextInt(5) < 2 ? "fr:commune" : "fr:departement";
            case 3 -> pick(random, "fr:commune", "fr:departement", "fr:region", "fr:region");
            default -> pick(random, "fr:commune", "fr:departement", "fr:region", "country", "country");
        };
    }

    private GeneratedDataset.Producer producer(SplittableRandom random, Vocabulary.Subject subject, int level,
                                              Territory territory) {
        Vocabulary.ProducerKind kind = Vocabulary.ProducerKind.values()[drawIndex(random, subject.producers())];
        if (kind == Vocabulary.ProducerKind.COLLECTIVITY && level == 4) {
            kind = Vocabulary.ProducerKind.STATE_SERVICE;
        }
        Departement departement = departementOf(territory);
        Region region = regionOf(territory);
        String name;
        String type;
        String badge;
        String siren = null;
        switch (kind) {
            case COLLECTIVITY -> {
                badge = "local-authority";
                switch (territory) {
                    case Commune c -> {
                        name = (c.population() >= 10_000 ? "Ville " : "Commune ") + de(c.name());
                        type = "commune";
                        siren = c.siren().orElse(null);
                    }
                    case Epci e -> {
                        name = e.name();
                        type = "epci";
                        siren = e.code();
                    }
                    case Departement d -> {
                        name = "Département " + de(d.name());
                        type = "departement";
                    }
                    default -> {
                        name = "Région " + territory.name();
                        type = "region";
                    }
                }
            }
            case STATE_SERVICE -> {
                badge = "public-service";
                type = "state_service";
                if (level == 4) {
                    name = pick(random, Vocabulary.STATE_NATIONAL);
                } else if (level == 3 || departement == null) {
                    name = pick(random, Vocabulary.STATE_REGION).replace("{}", region.name());
                } else {
                    name = pick(random, Vocabulary.STATE_DEPARTEMENT).replace("{}", departement.name());
                }
            }
            case OPERATOR -> {
                badge = "public-service";
                type = "operator";
                name = level == 4 || random.nextInt(3) == 0 ? pick(random, Vocabulary.OPERATORS_NATIONAL)
                        : pick(random, Vocabulary.OPERATORS_LOCAL).replace("{}",
                                departement != null ? departement.name() : region.name());
            }
            case ASSOCIATION -> {
                badge = "association";
                type = "association";
                String template = subject.theme().equals("environnement") && subject.title().startsWith("Qualité")
                        ? "Atmo {}" : pick(random, Vocabulary.ASSOCIATIONS);
                String where = template.startsWith("Atmo") || level >= 3
                        ? (region != null ? region.name() : "France")
                        : (departement != null ? departement.name() : territory.name());
                name = template.replace("{}", where);
            }
            default -> {
                badge = "company";
                type = "company";
                List<String> names = subject.companies().isEmpty() ? Vocabulary.COMPANIES : subject.companies();
                name = pick(random, names);
                if (name.equals("Keolis") || name.equals("Transdev")) {
                    name = name + " " + territory.name();
                }
            }
        }
        String slug = slug(name);
        String id = hex(0, 8) + hex(mix(slug.hashCode()), 16);
        return new GeneratedDataset.Producer(id, name, slug, type, badge, siren);
    }

    private Departement departementOf(Territory territory) {
        return switch (territory) {
            case Commune c -> territories.departement(c.departementCode()).orElse(null);
            case Epci e -> territories.departement(e.departementCodes().getFirst()).orElse(null);
            case Departement d -> d;
            default -> null;
        };
    }

    private Region regionOf(Territory territory) {
        String code = switch (territory) {
            case Commune c -> c.regionCode().orElse(null);
            case Epci e -> territories.departement(e.departementCodes().getFirst())
                    .flatMap(Departement::regionCode).orElse(null);
            case Departement d -> d.regionCode().orElse(null);
            case Region r -> r.code();
            default -> null;
        };
        return code == null ? territories.regions().getFirst() : territories.region(code).orElseThrow();
    }

    private static String title(SplittableRandom random, Vocabulary.Subject subject, Territory territory, int year,
                                GeneratedDataset.Producer producer) {
        String place = territory.level() == fr.dataterritoires.territory.TerritoryLevel.NATIONAL ? "France"
                : territory.name();
        String suffix = pick(random, Vocabulary.TITLE_SUFFIXES);
        String stem = subject.title();
        return switch (random.nextInt(6)) {
            case 0 -> stem + " " + year + " - " + place;
            case 1 -> subject.acronym() != null ? stem + " (" + subject.acronym() + ") - " + place + suffix
                    : stem + " - " + place + suffix;
            case 2 -> place + " : " + Character.toLowerCase(stem.charAt(0)) + stem.substring(1) + " " + year;
            case 3 -> stem + suffix + " - " + producer.name();
            case 4 -> subject.acronym() != null && random.nextBoolean() ? subject.acronym() + " " + place + " " + year
                    : stem + " " + de(place) + suffix;
            default -> stem + " - " + place;
        };
    }

    private static String description(SplittableRandom random, Vocabulary.Subject subject, Territory territory,
                                      GeneratedDataset.Producer producer, LocalDate start, LocalDate end) {
        StringBuilder text = new StringBuilder(600);
        text.append(subject.sentence()).append(' ');
        text.append("Territoire couvert : ").append(territory.name()).append(" (")
                .append(territory.level().label()).append("). ");
        text.append("Données produites par ").append(producer.name()).append(". ");
        if (start != null) {
            text.append("Période couverte : du ").append(start).append(" au ").append(end).append(". ");
        }
        if (subject.schema() != null) {
            text.append("Les fichiers respectent le schéma ").append(subject.schema()).append(" version ")
                    .append(subject.schemaVersion()).append(". ");
        }
        int extra = 1 + random.nextInt(3);
        for (int i = 0; i < extra; i++) {
            text.append(pick(random, Vocabulary.SENTENCES)).append(' ');
        }
        return text.toString().strip();
    }

    private static List<GeneratedDataset.Resource> resources(SplittableRandom random, Vocabulary.Subject subject,
                                                             long index, GeneratedDataset.Access access, int year) {
        List<GeneratedDataset.Resource> resources = new ArrayList<>(4);
        int count = access == GeneratedDataset.Access.OPEN ? 1 + random.nextInt(4) : random.nextInt(2);
        for (int r = 0; r < count; r++) {
            String format = access == GeneratedDataset.Access.OPEN
                    ? subject.formats().get(r == 0 ? 0 : random.nextInt(subject.formats().size())) : "pdf";
            UUID id = new UUID(mix(index * 31 + r + 7), mix(index * 17 + r + 11));
            String title = access == GeneratedDataset.Access.OPEN
                    ? slug(subject.title()) + "-" + (year - r) + "." + format
                    : "Documentation et procédure d'accès.pdf";
            boolean withSchema = subject.schema() != null && access == GeneratedDataset.Access.OPEN
                    && (format.equals("csv") || format.equals("json")) && random.nextInt(10) < 7;
            resources.add(new GeneratedDataset.Resource(id.toString(), title, format, mime(format),
                    "https://www.data.gouv.fr/fr/datasets/r/" + id, 1_000 + (long) (random.nextDouble() * random.nextDouble() * 50_000_000),
                    withSchema ? subject.schema() : null, withSchema ? subject.schemaVersion() : null));
        }
        return resources;
    }

    private static String mime(String format) {
        return switch (format) {
            case "csv" -> "text/csv";
            case "json" -> "application/json";
            case "geojson" -> "application/geo+json";
            case "pdf" -> "application/pdf";
            case "xml", "netex" -> "application/xml";
            case "xlsx" -> "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
            case "zip", "gtfs", "shp" -> "application/zip";
            default -> "application/octet-stream";
        };
    }

    /** "de Lyon", "d'Angers", "du Mans", "des Abymes". */
    static String de(String name) {
        if (name.startsWith("Le ")) {
            return "du " + name.substring(3);
        }
        if (name.startsWith("Les ")) {
            return "des " + name.substring(4);
        }
        char first = Character.toLowerCase(name.charAt(0));
        return ("aeiouyhàâéèêîïôûù".indexOf(first) >= 0 ? "d'" : "de ") + name;
    }

    private static final String ACCENTED = "àâäáãåçéèêëíìîïñóòôöõúùûüýÿ";
    private static final String PLAIN = "aaaaaaceeeeiiiinooooouuuuyy";

    /** Lower-case ASCII letters and digits separated by single dashes; by hand, as it runs for every dataset. */
    static String slug(String text) {
        StringBuilder out = new StringBuilder(text.length());
        boolean dash = false;
        for (int i = 0; i < text.length(); i++) {
            char c = Character.toLowerCase(text.charAt(i));
            if (c == 'œ' || c == 'æ') {
                if (dash && !out.isEmpty()) {
                    out.append('-');
                }
                out.append(c == 'œ' ? "oe" : "ae");
                dash = false;
                continue;
            }
            int accented = ACCENTED.indexOf(c);
            if (accented >= 0) {
                c = PLAIN.charAt(accented);
            }
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                if (dash && !out.isEmpty()) {
                    out.append('-');
                }
                out.append(c);
                dash = false;
            } else {
                dash = true;
            }
        }
        return out.toString();
    }

    /** {@code value} as {@code digits} lower-case hex digits (zero-padded, high bits dropped). */
    static String hex(long value, int digits) {
        String hex = Long.toHexString(value);
        if (hex.length() >= digits) {
            return hex.substring(hex.length() - digits);
        }
        return "0".repeat(digits - hex.length()) + hex;
    }

    private static Instant between(SplittableRandom random, Instant from, Instant to) {
        long seconds = Math.max(1, ChronoUnit.SECONDS.between(from, to));
        return from.plusSeconds((long) (random.nextDouble() * seconds));
    }

    static int drawIndex(SplittableRandom random, int[] weights) {
        int total = 0;
        for (int w : weights) {
            total += w;
        }
        int draw = random.nextInt(total);
        for (int i = 0; i < weights.length; i++) {
            draw -= weights[i];
            if (draw < 0) {
                return i;
            }
        }
        throw new IllegalStateException();
    }

    @SafeVarargs
    static <T> T pick(SplittableRandom random, T... values) {
        return values[random.nextInt(values.length)];
    }

    static <T> T pick(SplittableRandom random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    /** SplitMix64's finaliser: spreads consecutive indexes over unrelated seeds. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Territories drawn with a probability proportional to their population (plus a floor for tiny ones). */
    static final class WeightedTable<T extends Territory> {
        private final List<T> items;
        private final long[] cumulative;

        WeightedTable(List<T> items) {
            this.items = List.copyOf(items);
            this.cumulative = new long[items.size()];
            long total = 0;
            for (int i = 0; i < items.size(); i++) {
                total += items.get(i).population() + 200;
                cumulative[i] = total;
            }
        }

        T draw(SplittableRandom random) {
            long target = (long) (random.nextDouble() * cumulative[cumulative.length - 1]);
            int low = 0;
            int high = cumulative.length - 1;
            while (low < high) {
                int mid = (low + high) >>> 1;
                if (cumulative[mid] > target) {
                    high = mid;
                } else {
                    low = mid + 1;
                }
            }
            return items.get(low);
        }
    }
}
