package fr.dataterritoires.portal.support;

import java.util.regex.Pattern;

/** The DSFR breadcrumb (fil d'Ariane) as a page renders it, for {@code containsPattern}. */
public final class Breadcrumb {

    private Breadcrumb() {
    }

    /**
     * The whole breadcrumb: its collapse button, the pages above (label then address, in order), then the page
     * itself, which is no link and says it is the current page.
     */
    public static String of(String current, String... labelsThenAddresses) {
        StringBuilder pattern = new StringBuilder(quote(
                "<nav role=\"navigation\" class=\"fr-breadcrumb\" aria-label=\"vous êtes ici :\">") + "\\s*"
                + quote("<button class=\"fr-breadcrumb__button\" aria-expanded=\"false\" aria-controls=\"fil-ariane\">"
                + "Voir le fil d'Ariane</button>") + "\\s*"
                + quote("<div class=\"fr-collapse\" id=\"fil-ariane\">") + "\\s*"
                + quote("<ol class=\"fr-breadcrumb__list\">"));
        for (int i = 0; i < labelsThenAddresses.length; i += 2) {
            pattern.append("\\s*").append(quote("<li><a class=\"fr-breadcrumb__link\" href=\""
                    + labelsThenAddresses[i + 1] + "\">" + labelsThenAddresses[i] + "</a></li>"));
        }
        return pattern.append("\\s*").append(quote("<li><a class=\"fr-breadcrumb__link\" aria-current=\"page\">"
                + current + "</a></li>")).append("\\s*").append(quote("</ol>")).toString();
    }

    private static String quote(String text) {
        return Pattern.quote(text);
    }
}
