package fr.dataterritoires.datasetsearch.application.export;

import java.text.Normalizer;
import java.util.Locale;

import fr.dataterritoires.datasetsearch.domain.DatasetId;

/**
 * Stable names for URLs and CKAN: lower-case ASCII letters, digits and dashes. A dataset's CKAN name is the slug of
 * its title followed by its id without dashes, so the name always resolves to the dataset (through the id) even
 * after the title changes, and two datasets with the same title never share a name.
 */
public final class Slugs {

    /** CKAN names are at most 100 characters. */
    public static final int MAX_NAME_LENGTH = 100;
    private static final int ID_LENGTH = 32;

    private Slugs() {
    }

    /** "Parcs de stationnement de la Ville de Gap" gives "parcs-de-stationnement-de-la-ville-de-gap". */
    public static String slug(String text, int maxLength) {
        String folded = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .replace("œ", "oe").replace("Œ", "oe").replace("æ", "ae").replace("Æ", "ae")
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-")
                .replaceAll("^-+|-+$", "");
        if (folded.length() > maxLength) {
            folded = folded.substring(0, maxLength).replaceAll("-+$", "");
        }
        return folded;
    }

    /** The CKAN name of a dataset: title slug, a dash, the id's 32 hexadecimal digits. */
    public static String datasetName(String title, DatasetId id) {
        String hex = id.value().toString().replace("-", "");
        String head = slug(title, MAX_NAME_LENGTH - ID_LENGTH - 1);
        return head.isEmpty() ? hex : head + "-" + hex;
    }

    /** The dataset id a CKAN name ends with, or null when {@code name} is no dataset name. */
    public static DatasetId idOfName(String name) {
        if (name == null || name.length() < ID_LENGTH) {
            return null;
        }
        String hex = name.substring(name.length() - ID_LENGTH);
        if (!hex.matches("[0-9a-f]{32}") || (name.length() > ID_LENGTH && name.charAt(name.length() - ID_LENGTH - 1) != '-')) {
            return null;
        }
        String uuid = hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-" + hex.substring(12, 16) + "-"
                + hex.substring(16, 20) + "-" + hex.substring(20);
        return DatasetId.parse(uuid);
    }
}
