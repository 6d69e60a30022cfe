package fr.dataterritoires.datasetsearch.domain.demand;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The key under which searches that found nothing are counted: lower case, accents folded, punctuation and white space
 * collapsed to single spaces, capped in length. Anything looking like an e-mail address or a phone number is masked,
 * so that no personal data typed into the search box is kept.
 */
public final class SearchQueryKey {

    public static final int MAX_LENGTH = 200;

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern EMAIL = Pattern.compile("[\\p{L}0-9._%+'-]+@[\\p{L}0-9.-]+");
    private static final Pattern PHONE = Pattern.compile("(?<![0-9])(?:\\+33|0)\\s*[1-9](?:[\\s.-]*[0-9]{2}){4}(?![0-9])");
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    private SearchQueryKey() {
    }

    public static String normalise(String text) {
        if (text == null) {
            return "";
        }
        String masked = PHONE.matcher(EMAIL.matcher(text).replaceAll(" courriel ")).replaceAll(" telephone ");
        String folded = MARKS.matcher(Normalizer.normalize(masked.toLowerCase(Locale.ROOT), Normalizer.Form.NFD))
                .replaceAll("")
                .replace("œ", "oe").replace("æ", "ae").replace("ß", "ss");
        String collapsed = NOT_WORD.matcher(folded).replaceAll(" ").strip();
        if (collapsed.length() <= MAX_LENGTH) {
            return collapsed;
        }
        String cut = collapsed.substring(0, MAX_LENGTH);
        int lastSpace = cut.lastIndexOf(' ');
        // cut on a word boundary so that the same long query always gives the same key
        return (lastSpace > MAX_LENGTH / 2 ? cut.substring(0, lastSpace) : cut).strip();
    }
}
