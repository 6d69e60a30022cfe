package fr.dataterritoires.testing.backends;

import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySource;
import org.springframework.test.context.DynamicPropertyRegistry;

import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Spring Boot 4 connection properties of the resolved backends, computed on first read. Not
 * enumerable on purpose: Spring then asks only for the names it needs, which is what keeps the
 * resolution lazy.
 *
 * <p>Contexts share the loopback servers, so each source (each application context) also gets
 * names of its own, resolving no backend:
 * <ul>
 * <li>a fresh database ({@code spring.datasource.url});</li>
 * <li>{@value #EVENTS_EXCHANGE_PROPERTY} = {@code dataterritoires.events.test-<random>}: the
 * context's events never reach another context's consumers;</li>
 * <li>{@value #NAMESPACE_PROPERTY} = {@code dt-test-<random>} (lower case, letters, digits and
 * dashes): a prefix for the queue and Elasticsearch index names a service's tests choose, e.g.
 * {@code ${dataterritoires.test.namespace}.roadmaps.events} or
 * {@code ${dataterritoires.test.namespace}-datasets}.</li>
 * </ul>
 * Inlined test properties still win over all of them.
 */
public final class BackendPropertySource extends PropertySource<BackendResolver> {

    public static final String NAME = "dataTerritoiresBackends";

    /** Property names this source answers, Boot 4 spelling (spring-boot-jdbc/amqp/elasticsearch metadata). */
    public static final List<String> PROPERTY_NAMES = List.of(
            "spring.datasource.url", "spring.datasource.username", "spring.datasource.password",
            "spring.rabbitmq.host", "spring.rabbitmq.port", "spring.rabbitmq.username",
            "spring.rabbitmq.password", "spring.rabbitmq.virtual-host",
            "spring.elasticsearch.uris");

    /** Per-context prefix for queue and index names. */
    public static final String NAMESPACE_PROPERTY = "dataterritoires.test.namespace";
    /** The platform's events exchange, per context. */
    public static final String EVENTS_EXCHANGE_PROPERTY = "dataterritoires.events.exchange";
    /** Names this source answers without resolving any backend (not part of {@link #resolveAll()}). */
    public static final List<String> ISOLATION_PROPERTY_NAMES = List.of(NAMESPACE_PROPERTY, EVENTS_EXCHANGE_PROPERTY);

    private final String databasePrefix;
    private final String uniqueSuffix = HexFormat.of().formatHex(randomBytes());
    private volatile String datasourceUrl;

    public BackendPropertySource(BackendResolver resolver, String databasePrefix) {
        super(NAME, resolver);
        this.databasePrefix = databasePrefix;
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[6];
        ThreadLocalRandom.current().nextBytes(bytes);
        return bytes;
    }

    /**
     * Adds the source with the highest precedence except for inlined test properties
     * ({@code @SpringBootTest(properties=...)}, {@code @TestPropertySource}), which still win.
     */
    public static BackendPropertySource install(ConfigurableEnvironment environment, BackendResolver resolver,
                                                String databasePrefix) {
        BackendPropertySource source = new BackendPropertySource(resolver, databasePrefix);
        MutablePropertySources sources = environment.getPropertySources();
        sources.remove(NAME);
        String inlined = "Inlined Test Properties";
        if (sources.contains(inlined)) {
            sources.addAfter(inlined, source);
        } else {
            sources.addFirst(source);
        }
        return source;
    }

    /** For {@code @DynamicPropertySource}: registers the same properties, resolved lazily. */
    public static void register(DynamicPropertyRegistry registry, String databasePrefix) {
        BackendPropertySource source = new BackendPropertySource(Backends.resolver(), databasePrefix);
        for (String name : PROPERTY_NAMES) {
            registry.add(name, () -> source.getProperty(name));
        }
        for (String name : ISOLATION_PROPERTY_NAMES) {
            registry.add(name, () -> source.getProperty(name));
        }
    }

    @Override
    public Object getProperty(String name) {
        BackendResolver resolver = getSource();
        return switch (name) {
            case "spring.datasource.url" -> datasourceUrl();
            case "spring.datasource.username" -> resolver.postgres().username();
            case "spring.datasource.password" -> resolver.postgres().password();
            case "spring.rabbitmq.host" -> resolver.amqp().host();
            case "spring.rabbitmq.port" -> String.valueOf(resolver.amqp().port());
            case "spring.rabbitmq.username" -> resolver.amqp().username();
            case "spring.rabbitmq.password" -> resolver.amqp().password();
            case "spring.rabbitmq.virtual-host" -> resolver.amqp().virtualHost();
            case "spring.elasticsearch.uris" -> resolver.elasticsearch().url();
            case NAMESPACE_PROPERTY -> "dt-test-" + uniqueSuffix;
            case EVENTS_EXCHANGE_PROPERTY -> "dataterritoires.events.test-" + uniqueSuffix;
            default -> null;
        };
    }

    /** One fresh database per source, i.e. per application context. */
    private String datasourceUrl() {
        String url = datasourceUrl;
        if (url == null) {
            synchronized (this) {
                if (datasourceUrl == null) {
                    datasourceUrl = getSource().postgres().createDatabase(databasePrefix);
                }
                url = datasourceUrl;
            }
        }
        return url;
    }

    /** All properties at once, resolving every backend (for launchers and diagnostics). */
    public Map<String, String> resolveAll() {
        Map<String, String> all = new LinkedHashMap<>();
        for (String name : PROPERTY_NAMES) {
            all.put(name, String.valueOf(getProperty(name)));
        }
        return all;
    }
}
