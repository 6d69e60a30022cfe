package fr.dataterritoires.territory;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/** Folds names for matching: no accents, lower case, any punctuation as one space ("Saint-Étienne" → "saint etienne"). */
final class NameNormalizer {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    private NameNormalizer() {
    }

    static String normalize(String name) {
        StringBuilder sb = new StringBuilder(name.length());
        boolean pendingSpace = false;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            // Names are mostly ASCII: fold the rest one character at a time, far cheaper than normalising whole strings.
            String folded = c < 128 ? null : fold(c);
            int n = folded == null ? 1 : folded.length();
            for (int j = 0; j < n; j++) {
                char f = folded == null ? c : folded.charAt(j);
                if (f >= 'A' && f <= 'Z') {
                    f = (char) (f + ('a' - 'A'));
                }
                if ((f >= 'a' && f <= 'z') || (f >= '0' && f <= '9')) {
                    if (pendingSpace && !sb.isEmpty()) {
                        sb.append(' ');
                    }
                    pendingSpace = false;
                    sb.append(f);
                } else {
                    pendingSpace = true;
                }
            }
        }
        return sb.toString();
    }

    private static final Map<Character, String> FOLDED = new ConcurrentHashMap<>();

    /** A non-ASCII character without its diacritics, lower case; ligatures spelt out; "" when nothing is left. */
    private static String fold(char c) {
        return FOLDED.computeIfAbsent(c, k -> {
            String lower = String.valueOf(k).toLowerCase(Locale.ROOT);
            String special = switch (lower) {
                case "œ" -> "oe";
                case "æ" -> "ae";
                case "ß" -> "ss";
                default -> null;
            };
            if (special != null) {
                return special;
            }
            return MARKS.matcher(Normalizer.normalize(lower, Normalizer.Form.NFD)).replaceAll("");
        });
    }

    /** Query side only: people type "st" and "ste" for the "saint" and "sainte" the COG always spells out. */
    static String normalizeQuery(String query) {
        String normalized = normalize(query);
        StringBuilder sb = new StringBuilder(normalized.length() + 8);
        String[] words = normalized.split(" ");
        for (int i = 0; i < words.length; i++) {
            if (i > 0) {
                sb.append(' ');
            }
            boolean last = i == words.length - 1;
            // The last word may be an unfinished prefix ("st" on the way to "strasbourg"): leave it as typed.
            switch (words[i]) {
                case "st" -> sb.append(last ? "st" : "saint");
                case "ste" -> sb.append(last ? "ste" : "sainte");
                default -> sb.append(words[i]);
            }
        }
        return sb.toString();
    }
}
