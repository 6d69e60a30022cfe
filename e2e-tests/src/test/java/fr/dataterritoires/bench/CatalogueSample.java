package fr.dataterritoires.bench;

import java.util.Locale;

/**
 * Prints datasets of the generated catalogue as the source serves them, and how fast they are generated, to see what
 * the bench harvests: {@code CatalogueSample [count] [first-index]} (seed from BENCH_SEED); {@code --queries} prints
 * the query mix as REST paths.
 */
public final class CatalogueSample {

    private CatalogueSample() {
    }

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("--queries")) {
            BenchConfig config = BenchConfig.fromEnvironment();
            CatalogueGenerator generator = new CatalogueGenerator(config.seed(), config.datasets());
            QueryMix.generate(generator, config.seed(), config.distinctQueries())
                    .forEach(q -> System.out.println(ServiceUnderTest.searchPath(q)));
            return;
        }
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        long first = args.length > 1 ? Long.parseLong(args[1]) : 0;
        BenchConfig config = BenchConfig.fromEnvironment();
        CatalogueGenerator generator = new CatalogueGenerator(config.seed(), Math.max(config.datasets(), first + count));
        UdataJson writer = new UdataJson("https://www.data.gouv.fr");
        for (long i = first; i < first + count; i++) {
            StringBuilder out = new StringBuilder();
            writer.write(generator.dataset(i), new JsonWriter(out));
            System.out.println(out);
        }
        int n = 50_000;
        long bytes = 0;
        long start = System.nanoTime();
        for (long i = 0; i < n; i++) {
            StringBuilder out = new StringBuilder(3000);
            writer.write(generator.dataset(i), new JsonWriter(out));
            bytes += out.length();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.err.printf(Locale.ROOT, "generated %d datasets in %.2f s (%.0f/s, %.0f bytes each on average)%n", n, seconds,
                n / seconds, bytes / (double) n);
    }
}
