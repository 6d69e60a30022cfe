package fr.dataterritoires.exchanges.application;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

import fr.dataterritoires.exchanges.domain.ProgrammeLimits;

/**
 * {@code dataterritoires.exchanges.*}: the programme's limits on an exchange's duration, and how long personal data
 * is kept once everything about a person is closed.
 */
@ConfigurationProperties("dataterritoires.exchanges")
public record ExchangesSettings(Programme programme, Duration personalDataRetention) {

    public ExchangesSettings {
        programme = programme == null ? new Programme(1, 92) : programme;
        personalDataRetention = personalDataRetention == null ? Duration.ofDays(365) : personalDataRetention;
        if (personalDataRetention.isNegative() || personalDataRetention.isZero()) {
            throw new IllegalArgumentException("dataterritoires.exchanges.personal-data-retention must be positive");
        }
    }

    public record Programme(int minDays, int maxDays) {
    }

    public ProgrammeLimits limits() {
        return new ProgrammeLimits(programme.minDays(), programme.maxDays());
    }
}
