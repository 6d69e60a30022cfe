package fr.dataterritoires.territory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Prefix search on folded names, for a territory picker. Each name is indexed whole and from the start of each
 * significant word, so "etienne" finds Saint-Étienne; matches rank whole-name equality first, then whole-name
 * prefix, then word prefix, then larger population.
 */
final class NameIndex {

    /** Words a search would not start with: indexing suffixes from them only adds noise. */
    private static final Set<String> MINOR_WORDS = Set.of("de", "du", "des", "d", "la", "le", "les", "l", "en", "et",
            "au", "aux", "sur", "sous", "lez", "cc", "ca", "cu");

    private record Entry(String key, Territory territory, boolean wholeName) {
    }

    private final String[] keys;
    private final Entry[] entries;

    NameIndex(Collection<? extends Territory> territories) {
        List<Entry> list = new ArrayList<>(territories.size() * 2);
        for (Territory territory : territories) {
            String name = NameNormalizer.normalize(territory.name());
            list.add(new Entry(name, territory, true));
            int from = 0;
            while ((from = name.indexOf(' ', from)) >= 0) {
                from++;
                int end = name.indexOf(' ', from);
                String word = end < 0 ? name.substring(from) : name.substring(from, end);
                if (!MINOR_WORDS.contains(word)) {
                    list.add(new Entry(name.substring(from), territory, false));
                }
            }
        }
        list.sort(Comparator.comparing(Entry::key));
        entries = list.toArray(Entry[]::new);
        keys = new String[entries.length];
        for (int i = 0; i < entries.length; i++) {
            keys[i] = entries[i].key();
        }
    }

    List<Territory> search(String query, int limit, Set<TerritoryLevel> levels) {
        String q = NameNormalizer.normalizeQuery(query);
        if (q.isEmpty() || limit <= 0) {
            return List.of();
        }
        int i = Arrays.binarySearch(keys, q);
        if (i < 0) {
            i = -i - 1;
        }
        while (i > 0 && keys[i - 1].equals(q)) {
            i--;
        }
        // Identity: records would hash every EPCI member list.
        Map<Territory, Integer> best = new IdentityHashMap<>();
        for (; i < keys.length && keys[i].startsWith(q); i++) {
            Entry entry = entries[i];
            if (!levels.contains(entry.territory().level())) {
                continue;
            }
            int score = entry.wholeName() ? (entry.key().length() == q.length() ? 0 : 1) : 2;
            best.merge(entry.territory(), score, Math::min);
        }
        return best.entrySet().stream()
                .sorted(Comparator.<Map.Entry<Territory, Integer>>comparingInt(Map.Entry::getValue)
                        .thenComparing(e -> -e.getKey().population())
                        .thenComparing(e -> e.getKey().code()))
                .limit(limit)
                .map(Map.Entry::getKey)
                .toList();
    }

    int size() {
        return entries.length;
    }
}
