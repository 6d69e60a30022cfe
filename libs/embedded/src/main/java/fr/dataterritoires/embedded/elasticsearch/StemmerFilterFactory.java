package fr.dataterritoires.embedded.elasticsearch;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishMinimalStemFilter;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.KStemFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.fr.FrenchLightStemFilter;
import org.apache.lucene.analysis.fr.FrenchMinimalStemFilter;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.env.Environment;
import org.elasticsearch.index.IndexSettings;
import org.elasticsearch.index.analysis.AbstractTokenFilterFactory;
import org.tartarus.snowball.ext.FrenchStemmer;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * {@code stemmer}: the subset of analysis-common's languages the project needs, with the same Lucene filters, chosen by
 * {@code language} (or its alias {@code name}); the default is {@code porter}, as in analysis-common. An unsupported
 * language fails index creation instead of silently not stemming.
 */
final class StemmerFilterFactory extends AbstractTokenFilterFactory {

    private static final Map<String, UnaryOperator<TokenStream>> STEMMERS = new TreeMap<>();

    static {
        STEMMERS.put("french", ts -> new SnowballFilter(ts, new FrenchStemmer()));
        STEMMERS.put("light_french", FrenchLightStemFilter::new);
        STEMMERS.put("minimal_french", FrenchMinimalStemFilter::new);
        STEMMERS.put("porter", PorterStemFilter::new);
        STEMMERS.put("english", PorterStemFilter::new);
        STEMMERS.put("light_english", KStemFilter::new);
        STEMMERS.put("minimal_english", EnglishMinimalStemFilter::new);
        STEMMERS.put("possessive_english", EnglishPossessiveFilter::new);
    }

    private final UnaryOperator<TokenStream> stemmer;

    StemmerFilterFactory(IndexSettings indexSettings, Environment environment, String name, Settings settings) {
        super(name);
        String language = settings.get("language", settings.get("name", "porter")).toLowerCase(Locale.ROOT);
        this.stemmer = STEMMERS.get(language);
        if (stemmer == null) {
            throw new IllegalArgumentException("stemmer language [" + language + "] is not available in the embedded node; supported: "
                + STEMMERS.keySet());
        }
    }

    @Override
    public TokenStream create(TokenStream tokenStream) {
        return stemmer.apply(tokenStream);
    }
}
