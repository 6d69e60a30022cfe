package fr.dataterritoires.embedded.elasticsearch;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.synonym.SolrSynonymParser;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.apache.lucene.analysis.synonym.WordnetSynonymParser;
import org.apache.lucene.util.CharsRef;
import org.apache.lucene.util.CharsRefBuilder;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.env.Environment;
import org.elasticsearch.index.IndexService.IndexCreationContext;
import org.elasticsearch.index.IndexSettings;
import org.elasticsearch.index.analysis.AbstractTokenFilterFactory;
import org.elasticsearch.index.analysis.Analysis;
import org.elasticsearch.index.analysis.AnalysisMode;
import org.elasticsearch.index.analysis.CharFilterFactory;
import org.elasticsearch.index.analysis.CustomAnalyzer;
import org.elasticsearch.index.analysis.TokenFilterFactory;
import org.elasticsearch.index.analysis.TokenizerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.text.ParseException;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * {@code synonym_graph} with analysis-common's settings: {@code synonyms} (inline rules) or {@code synonyms_path}
 * (a file relative to the config directory), {@code format} ({@code solr}, the default, or {@code wordnet}),
 * {@code expand} (default true), {@code lenient} (default false: a rule whose term the preceding chain removes
 * fails index creation; true skips that rule) and {@code updateable} (search-time only). {@code synonyms_set}
 * needs the synonyms API, which the embedded node lacks.
 *
 * <p>The rules are analyzed with the filters that precede this one in the analyzer, which is why the factory is
 * chain-aware: {@link #create} is only valid on the factory returned by {@link #getChainAwareTokenFilterFactory}.
 */
final class SynonymGraphFilterFactory extends AbstractTokenFilterFactory {

    private static final Logger log = LoggerFactory.getLogger(SynonymGraphFilterFactory.class);

    private final Environment environment;
    private final Settings settings;
    private final boolean expand;
    private final boolean lenient;
    private final String format;
    private final AnalysisMode analysisMode;

    SynonymGraphFilterFactory(IndexSettings indexSettings, Environment environment, String name, Settings settings) {
        super(name);
        this.environment = environment;
        this.settings = settings;
        this.expand = settings.getAsBoolean("expand", true);
        this.lenient = settings.getAsBoolean("lenient", false);
        this.format = settings.get("format", "solr").toLowerCase(Locale.ROOT);
        if (!format.equals("solr") && !format.equals("wordnet")) {
            throw new IllegalArgumentException("synonym format [" + format + "] is not supported; use [solr] or [wordnet]");
        }
        if (settings.get("synonyms_set") != null) {
            throw new IllegalArgumentException("[synonyms_set] needs the synonyms API, which the embedded node does not provide; "
                + "use [synonyms] or [synonyms_path]");
        }
        if (settings.getAsList("synonyms", null) == null && settings.get("synonyms_path") == null) {
            throw new IllegalArgumentException("synonym requires either `synonyms`, `synonyms_set` or `synonyms_path` to be configured");
        }
        this.analysisMode = settings.getAsBoolean("updateable", false) ? AnalysisMode.SEARCH_TIME : AnalysisMode.ALL;
    }

    @Override
    public TokenStream create(TokenStream tokenStream) {
        throw new IllegalStateException("Call getChainAwareTokenFilterFactory to specialize this factory for an analysis chain first");
    }

    @Override
    public AnalysisMode getAnalysisMode() {
        return analysisMode;
    }

    @Override
    public TokenFilterFactory getChainAwareTokenFilterFactory(
        IndexCreationContext context,
        TokenizerFactory tokenizer,
        List<CharFilterFactory> charFilters,
        List<TokenFilterFactory> previousTokenFilters,
        Function<String, TokenFilterFactory> allFilters
    ) {
        TokenFilterFactory[] parsingFilters = previousTokenFilters.stream()
            .map(TokenFilterFactory::getSynonymFilter)
            .toArray(TokenFilterFactory[]::new);
        SynonymMap synonyms;
        try (Analyzer parsingAnalyzer = new CustomAnalyzer(tokenizer, charFilters.toArray(CharFilterFactory[]::new), parsingFilters)) {
            synonyms = buildSynonyms(parsingAnalyzer);
        }
        String factoryName = name();
        AnalysisMode mode = analysisMode;
        return new AbstractTokenFilterFactory(factoryName) {
            @Override
            public TokenStream create(TokenStream tokenStream) {
                // an empty rule set builds no FST; the Lucene filter rejects that, so pass the stream through
                return synonyms.fst == null ? tokenStream : new SynonymGraphFilter(tokenStream, synonyms, false);
            }

            @Override
            public TokenFilterFactory getSynonymFilter() {
                throw new IllegalArgumentException("Token filter [" + factoryName + "] cannot be used to parse synonyms");
            }

            @Override
            public AnalysisMode getAnalysisMode() {
                return mode;
            }
        };
    }

    private SynonymMap buildSynonyms(Analyzer parsingAnalyzer) {
        SynonymMap.Parser parser = format.equals("wordnet")
            ? new WordnetSynonymParser(true, expand, parsingAnalyzer) {
                @Override
                public CharsRef analyze(String text, CharsRefBuilder reuse) throws IOException {
                    return analyzeLeniently(() -> super.analyze(text, reuse), text);
                }

                @Override
                public void add(CharsRef input, CharsRef output, boolean includeOrig) {
                    if (!skipped(input, output)) {
                        super.add(input, output, includeOrig);
                    }
                }
            }
            : new SolrSynonymParser(true, expand, parsingAnalyzer) {
                @Override
                public CharsRef analyze(String text, CharsRefBuilder reuse) throws IOException {
                    return analyzeLeniently(() -> super.analyze(text, reuse), text);
                }

                @Override
                public void add(CharsRef input, CharsRef output, boolean includeOrig) {
                    if (!skipped(input, output)) {
                        super.add(input, output, includeOrig);
                    }
                }
            };
        try (Reader rules = rulesReader()) {
            parser.parse(rules);
            return parser.build();
        } catch (IOException | ParseException | RuntimeException e) {
            throw new IllegalArgumentException("failed to build synonyms for [" + name() + "]: " + e.getMessage(), e);
        }
    }

    private interface TermAnalysis {
        CharsRef run() throws IOException;
    }

    /** When lenient, a term the chain cannot analyze (e.g. a lone stop word) becomes empty and its rule is dropped. */
    private CharsRef analyzeLeniently(TermAnalysis analysis, String text) throws IOException {
        try {
            return analysis.run();
        } catch (IllegalArgumentException e) {
            if (!lenient) {
                throw e;
            }
            log.info("Synonym rule term [{}] of [{}] ignored: {}", text, name(), e.getMessage());
            return new CharsRef("");
        }
    }

    private boolean skipped(CharsRef input, CharsRef output) {
        return lenient && (input.length == 0 || output.length == 0);
    }

    private Reader rulesReader() {
        List<String> inline = settings.getAsList("synonyms", null);
        if (inline != null) {
            return new StringReader(String.join("\n", inline));
        }
        return Analysis.getReaderFromFile(environment, settings.get("synonyms_path"), "synonyms_path");
    }
}
