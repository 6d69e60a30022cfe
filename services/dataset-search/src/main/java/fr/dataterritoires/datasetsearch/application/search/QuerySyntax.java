package fr.dataterritoires.datasetsearch.application.search;

import java.util.regex.Pattern;

import fr.dataterritoires.platform.errors.InvalidFieldException;

/**
 * The search takes words, not a query language. Text that is plainly an attempt at query syntax (a JSON query, a
 * {@code field:value} clause, boosts and fuzziness operators, an SQL tautology) is refused with a 400 that says so,
 * rather than silently searched as words: people then know why they get nothing. The engine never interprets text as
 * syntax anyway (match queries only); this check only tells the caller early.
 */
final class QuerySyntax {

    /** A JSON object or array, as sent by someone trying the engine's DSL. */
    private static final Pattern JSON = Pattern.compile("^\\s*[{\\[].*[}\\]]\\s*$", Pattern.DOTALL);
    /** {@code title:x}, {@code *:*}, {@code _exists_:title}; URLs ({@code https://…}) and French "mot : mot" pass. */
    private static final Pattern FIELD_CLAUSE = Pattern.compile("(^|[\\s(])[\\p{L}_*][\\p{L}\\p{N}_.*]*:(?!//)[^\\s]");
    /** Lucene boosts and fuzziness: {@code eau^10}, {@code eau~2}. */
    private static final Pattern OPERATOR = Pattern.compile("\\S[\\^~]\\d");
    /** {@code OR 1=1}, {@code ' or '1'='1}. */
    private static final Pattern TAUTOLOGY = Pattern.compile("(?i)\\b(or|and)\\s+['\"]?(\\w+)['\"]?\\s*=\\s*['\"]?\\2\\b");

    private QuerySyntax() {
    }

    static void refuse(String text) {
        if (text == null) {
            return;
        }
        if (JSON.matcher(text).matches() || FIELD_CLAUSE.matcher(text).find() || OPERATOR.matcher(text).find()
                || TAUTOLOGY.matcher(text).find()) {
            throw InvalidFieldException.parameter("q", "La recherche porte sur des mots : la syntaxe de requête "
                    + "(champ:valeur, JSON, opérateurs ^ ou ~, conditions toujours vraies) n'est pas acceptée.",
                    SearchQueryParser.shorten(text));
        }
    }
}
