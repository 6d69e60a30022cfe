package fr.dataterritoires.bench;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import fr.dataterritoires.territory.Commune;

/**
 * A deterministic mix of searches as people type them, drawn from the generator's vocabulary: single words,
 * phrases (some without accents, some with plurals or elisions), domain acronyms, a subject with a place name,
 * and the same with filters on territory, theme or access level, some sorted by recency.
 */
final class QueryMix {

    /**
     * One search.
     *
     * @param kind      what the query exercises (word, phrase, acronym, place, territory, theme, access, recency)
     * @param text      the free text, may be empty when only filters are set
     * @param territory a territory key (commune:69123, epci:..., departement:69, region:84) or null
     * @param theme     a theme label or null
     * @param access    OPEN, SHARED, RESTRICTED or null
     * @param sort      relevance or recency
     */
    record Query(String kind, String text, String territory, String theme, String access, String sort) {
    }

    private static final java.util.Set<String> STOP_WORDS = java.util.Set.of("de", "des", "du", "la", "le", "les",
            "pour", "et", "en", "à", "aux", "au");

    private QueryMix() {
    }

    static List<Query> generate(CatalogueGenerator generator, long seed, int count) {
        SplittableRandom random = new SplittableRandom(CatalogueGenerator.mix(seed ^ 0x51ED_2701L));
        List<Query> queries = new ArrayList<>(count);
        List<Vocabulary.Subject> subjects = Vocabulary.SUBJECTS;
        List<Vocabulary.Subject> withAcronym = subjects.stream().filter(s -> s.acronym() != null
                && s.acronym().length() >= 3).toList();
        for (int i = 0; i < count; i++) {
            Vocabulary.Subject subject = subjects.get(CatalogueGenerator.drawIndex(random,
                    subjects.stream().mapToInt(Vocabulary.Subject::weight).toArray()));
            int draw = random.nextInt(100);
            Query query;
            if (draw < 20) {
                query = new Query("word", word(random, subject), null, null, null, "relevance");
            } else if (draw < 38) {
                query = new Query("phrase", phrase(random, subject), null, null, null, "relevance");
            } else if (draw < 48) {
                Vocabulary.Subject s = withAcronym.get(random.nextInt(withAcronym.size()));
                query = new Query("acronym", random.nextInt(4) == 0 ? s.acronym().toLowerCase(Locale.ROOT) : s.acronym(),
                        null, null, null, "relevance");
            } else if (draw < 58) {
                Commune commune = generator.drawCommune(random);
                query = new Query("place", word(random, subject) + " " + commune.name(), null, null, null, "relevance");
            } else if (draw < 75) {
                query = new Query("territory", random.nextInt(3) == 0 ? phrase(random, subject) : word(random, subject),
                        territoryKey(generator, random), null, null, "relevance");
            } else if (draw < 85) {
                query = new Query("theme", random.nextInt(3) == 0 ? "" : word(random, subject), null, subject.theme(),
                        null, "relevance");
            } else if (draw < 90) {
                query = new Query("access", word(random, subject), null, null,
                        random.nextBoolean() ? "SHARED" : "RESTRICTED", "relevance");
            } else {
                query = new Query("recency", random.nextBoolean() ? word(random, subject) : phrase(random, subject),
                        random.nextInt(3) == 0 ? territoryKey(generator, random) : null, null, null, "recency");
            }
            queries.add(query);
        }
        return List.copyOf(queries);
    }

    private static String territoryKey(CatalogueGenerator generator, SplittableRandom random) {
        int level = random.nextInt(10);
        if (level < 6) {
            return "commune:" + generator.drawCommune(random).code();
        } else if (level < 8) {
            return "epci:" + generator.drawEpci(random).code();
        } else if (level < 9) {
            return "departement:" + generator.drawDepartement(random).code();
        }
        return "region:" + generator.drawRegion(random).code();
    }

    /** One meaningful word of the subject's keywords ("bornes", "budget", "cantine"). */
    private static String word(SplittableRandom random, Vocabulary.Subject subject) {
        String keyword = subject.keywords().get(random.nextInt(subject.keywords().size()));
        String[] words = keyword.split("[\\s']+");
        String best = words[0];
        for (String w : words) {
            if (w.length() > best.length()) {
                best = w;
            }
        }
        return best;
    }

    /** The subject's title or keyword as a phrase, sometimes without accents or with a plural. */
    private static String phrase(SplittableRandom random, Vocabulary.Subject subject) {
        String phrase = random.nextBoolean() ? subject.title().toLowerCase(Locale.ROOT)
                : subject.keywords().get(random.nextInt(subject.keywords().size()));
        String[] words = phrase.split(" ");
        if (words.length > 4) {
            List<String> kept = new ArrayList<>(List.of(words).subList(0, 3 + random.nextInt(2)));
            while (kept.size() > 1 && STOP_WORDS.contains(kept.getLast())) {
                kept.removeLast();
            }
            phrase = String.join(" ", kept);
        }
        int variant = random.nextInt(5);
        if (variant == 0) {
            phrase = Normalizer.normalize(phrase, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        } else if (variant == 1 && !phrase.endsWith("s")) {
            phrase = phrase + "s";
        }
        return phrase;
    }
}
