package fr.dataterritoires.embedded.elasticsearch;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.apache.lucene.analysis.util.ElisionFilter;
import org.elasticsearch.index.analysis.AbstractTokenFilterFactory;
import org.elasticsearch.index.analysis.AnalyzerProvider;
import org.elasticsearch.index.analysis.PreBuiltAnalyzerProviderFactory;
import org.elasticsearch.index.analysis.PreConfiguredTokenFilter;
import org.elasticsearch.index.analysis.TokenFilterFactory;
import org.elasticsearch.indices.analysis.AnalysisModule.AnalysisProvider;
import org.elasticsearch.indices.analysis.PreBuiltCacheFactory.CachingStrategy;
import org.elasticsearch.plugins.AnalysisPlugin;
import org.elasticsearch.plugins.Plugin;
import org.tartarus.snowball.ext.FrenchStemmer;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.elasticsearch.plugins.AnalysisPlugin.requiresAnalysisSettings;

/**
 * The French analysis components of Elasticsearch's {@code analysis-common} module, which the embedded node lacks
 * (it is not on Maven Central), re-registered under the same names, with the same settings and the same Lucene
 * components ({@code lucene-analysis-common}, the version the server uses). One index mapping therefore works on
 * the embedded node and on a real cluster.
 *
 * <p>Configurable token filters: {@code elision} ({@code articles}, {@code articles_path}, {@code articles_case}),
 * {@code asciifolding} ({@code preserve_original}), {@code stemmer} ({@code language}: {@code french},
 * {@code light_french}, {@code minimal_french} and a few English ones), {@code french_stem},
 * {@code synonym_graph} ({@code synonyms}, {@code synonyms_path}, {@code expand}, {@code lenient}, {@code format},
 * {@code updateable}). The pre-configured (settings-free) {@code elision}, {@code asciifolding}, {@code french_stem}
 * and {@code stemmer} exist too, as in analysis-common. Analyzer: {@code french} ({@code stopwords},
 * {@code stem_exclusion}).
 *
 * <p>Not registered because the server already has them, and registering a name twice fails the node:
 * the {@code stop} filter (it understands {@code _french_}), the pre-configured {@code lowercase} filter, the
 * {@code standard} tokenizer and analyzer.
 */
public final class FrenchAnalysisPlugin extends Plugin implements AnalysisPlugin {

    public FrenchAnalysisPlugin() {
        // instantiated by the PluginsService through its unique public constructor
    }

    @Override
    public Map<String, AnalysisProvider<TokenFilterFactory>> getTokenFilters() {
        Map<String, AnalysisProvider<TokenFilterFactory>> filters = new TreeMap<>();
        filters.put("asciifolding", AsciiFoldingFilterFactory::new);
        filters.put("elision", requiresAnalysisSettings(ElisionFilterFactory::new));
        filters.put("french_stem", (indexSettings, environment, name, settings) -> new FrenchStemFilterFactory(name));
        filters.put("stemmer", StemmerFilterFactory::new);
        filters.put("synonym_graph", requiresAnalysisSettings(SynonymGraphFilterFactory::new));
        return filters;
    }

    @Override
    public List<PreConfiguredTokenFilter> getPreConfiguredTokenFilters() {
        return List.of(
            PreConfiguredTokenFilter.singleton("asciifolding", true, ASCIIFoldingFilter::new),
            PreConfiguredTokenFilter.singleton("elision", true, input -> new ElisionFilter(input, FrenchAnalyzer.DEFAULT_ARTICLES)),
            PreConfiguredTokenFilter.singleton("french_stem", false, input -> new SnowballFilter(input, new FrenchStemmer())),
            PreConfiguredTokenFilter.singleton("stemmer", false, PorterStemFilter::new)
        );
    }

    @Override
    public Map<String, AnalysisProvider<AnalyzerProvider<? extends Analyzer>>> getAnalyzers() {
        return Map.of("french", FrenchAnalyzerProvider::new);
    }

    @Override
    public List<PreBuiltAnalyzerProviderFactory> getPreBuiltAnalyzerProviderFactories() {
        return List.of(new PreBuiltAnalyzerProviderFactory("french", CachingStrategy.LUCENE, FrenchAnalyzer::new));
    }

    /** {@code french_stem}: the Snowball French stemmer, no settings. */
    private static final class FrenchStemFilterFactory extends AbstractTokenFilterFactory {

        FrenchStemFilterFactory(String name) {
            super(name);
        }

        @Override
        public TokenStream create(TokenStream tokenStream) {
            return new SnowballFilter(tokenStream, new FrenchStemmer());
        }
    }
}
