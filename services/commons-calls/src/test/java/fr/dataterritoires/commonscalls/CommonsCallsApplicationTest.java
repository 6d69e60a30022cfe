package fr.dataterritoires.commonscalls;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import fr.dataterritoires.commonscalls.support.Api;
import fr.dataterritoires.commonscalls.support.ServiceTest;

/** The service starts against real backends, answers its health probe and documents its API. */
@ServiceTest
class CommonsCallsApplicationTest {

    @LocalServerPort
    int port;

    @Test
    void startsAndIsReady() {
        Api api = new Api(port);
        assertThat(api.get("/actuator/health/readiness", null).ok().body()).contains("UP");
    }

    @Test
    void exposesTheFundBalanceAndOpenCallsAsMetrics() {
        Api api = new Api(port);
        api.levyThroughAward("15.00");
        java.math.BigDecimal balance = api.fundBalance();
        long open = api.get("/api/calls", null).ok().json().valueStream()
                .filter(c -> c.path("status").asString().equals("OPEN")).count();
        String scrape = api.get("/actuator/prometheus", null).ok().body();
        assertThat(sample(scrape, "dt_preciput_fund_balance{")).isEqualTo(balance.doubleValue());
        assertThat(sample(scrape, "dt_calls_open{")).isEqualTo((double) open);
        assertThat(sample(scrape, "dt_preciput_ledger_imbalance{")).isZero();
        assertThat(scrape).containsPattern("dt_preciput_transactions_amount\\{[^}]*kind=\"LEVY\"");
    }

    private static double sample(String scrape, String prefix) {
        return scrape.lines().filter(l -> l.startsWith(prefix)).map(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .findFirst().orElseThrow(() -> new AssertionError(prefix + " not scraped"));
    }

    @Test
    void publishesItsOpenApiDocument() {
        String docs = new Api(port).get("/v3/api-docs", null).ok().body();
        assertThat(docs).contains("/api/calls/{id}/decisions", "/api/applications/{id}/submit", "/api/funders",
                "/api/preciput/allocations", "/api/preciput/imports", "INNOVATION");
    }
}
