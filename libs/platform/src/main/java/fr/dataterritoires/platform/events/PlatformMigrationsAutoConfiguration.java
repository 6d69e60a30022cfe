package fr.dataterritoires.platform.events;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.flywaydb.core.api.Location;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.context.annotation.Bean;

/**
 * Adds {@value #LOCATION} (outbox_event, inbound_event, audit_record) to the service's Flyway
 * locations. Platform migrations are versioned below 1 (V0_1, V0_2, ...) so they come before a
 * service's own V1..; a later platform migration must keep a version below 1 and, on databases
 * that already ran service migrations, needs {@code spring.flyway.out-of-order=true}.
 */
@AutoConfiguration(beforeName = "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration")
@ConditionalOnClass({ FluentConfiguration.class, FlywayConfigurationCustomizer.class })
@ConditionalOnProperty(prefix = "dataterritoires.platform.migrations", name = "enabled", matchIfMissing = true)
public class PlatformMigrationsAutoConfiguration {

    public static final String LOCATION = "classpath:db/platform";

    @Bean
    FlywayConfigurationCustomizer dataterritoiresPlatformMigrations() {
        return configuration -> {
            List<Location> locations = new ArrayList<>(Arrays.asList(configuration.getLocations()));
            Location platform = new Location(LOCATION);
            if (locations.stream().noneMatch(l -> l.getDescriptor().equals(platform.getDescriptor()))) {
                locations.add(platform);
                configuration.locations(locations.toArray(Location[]::new));
            }
        };
    }
}
