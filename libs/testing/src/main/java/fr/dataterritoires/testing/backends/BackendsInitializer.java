package fr.dataterritoires.testing.backends;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Points a Spring Boot test context at the resolved backends:
 * {@code @ContextConfiguration(initializers = BackendsInitializer.class)} on a
 * {@code @SpringBootTest}. It adds {@link BackendPropertySource}, which sets
 * {@code spring.datasource.*} (a fresh database per context), {@code spring.rabbitmq.*} and
 * {@code spring.elasticsearch.uris}. Backends are resolved lazily, when the context first reads
 * one of their properties, so a service without Elasticsearch never starts one.
 */
public class BackendsInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        var environment = context.getEnvironment();
        String prefix = environment.getProperty("spring.application.name", "test");
        BackendPropertySource.install(environment, Backends.resolver(), prefix);
    }
}
