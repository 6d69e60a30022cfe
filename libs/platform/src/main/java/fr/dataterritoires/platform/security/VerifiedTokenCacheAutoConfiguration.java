package fr.dataterritoires.platform.security;

import java.time.Clock;
import java.time.Duration;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * Every {@link JwtDecoder} of a service (the REST chain's and the gRPC server's are the same bean) checks a token
 * once, then reuses the result until the token expires ({@link VerifiedTokenCache}).
 * {@code dataterritoires.security.verified-tokens.enabled=false} turns it off; {@code .max-entries} (10000) and
 * {@code .max-age} (5m) bound it.
 */
@AutoConfiguration
@ConditionalOnClass(JwtDecoder.class)
@ConditionalOnProperty(prefix = "dataterritoires.security.verified-tokens", name = "enabled", matchIfMissing = true)
public class VerifiedTokenCacheAutoConfiguration {

    @Bean
    static BeanPostProcessor dtVerifiedTokenCache(Environment environment) {
        int maxEntries = environment.getProperty("dataterritoires.security.verified-tokens.max-entries",
                Integer.class, 10_000);
        Duration maxAge = environment.getProperty("dataterritoires.security.verified-tokens.max-age",
                Duration.class, Duration.ofMinutes(5));
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof JwtDecoder decoder && !(bean instanceof VerifiedTokenCache)
                        ? new VerifiedTokenCache(decoder, maxEntries, maxAge, Clock.systemUTC()) : bean;
            }
        };
    }
}
