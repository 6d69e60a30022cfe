package fr.dataterritoires.commonscalls.web;

import static fr.dataterritoires.commonscalls.support.Api.COORDINATOR;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import fr.dataterritoires.commonscalls.support.Api;
import fr.dataterritoires.commonscalls.support.ServiceTest;
import fr.dataterritoires.platform.testsupport.HttpApi;
import fr.dataterritoires.territory.Siren;

/**
 * 200 concurrent allocation requests against a fund that can pay only some of them, on the real PostgreSQL: the fund
 * never goes negative and exactly the affordable ones succeed.
 */
@ServiceTest
class ConcurrentAllocationsTest {

    private static final int REQUESTS = 200;
    private static final BigDecimal AMOUNT = new BigDecimal("50.00");
    private static final int AFFORDABLE = 83;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void exactlyTheAffordableAllocationsSucceed() throws Exception {
        Api api = new Api(port);
        // bring the fund to exactly 83 × 50.00 + 27.35: 83 requests fit, the 84th does not
        BigDecimal target = AMOUNT.multiply(BigDecimal.valueOf(AFFORDABLE)).add(new BigDecimal("27.35"));
        BigDecimal current = api.fundBalance();
        if (current.compareTo(target) > 0) {
            api.post("/api/preciput/allocations", COORDINATOR, Map.of("purpose", "MUTUALISATION_STRUCTURE",
                    "beneficiarySiren", "213800006", "amount", current.subtract(target).toPlainString(),
                    "reason", "Mise à niveau du fonds pour le test")).status(201);
        } else if (current.compareTo(target) < 0) {
            api.levyThroughAward(target.subtract(current).toPlainString());
        }
        assertThat(api.fundBalance()).isEqualByComparingTo(target);
        long allocationsBefore = countAllocations();

        String beneficiary = Siren.withCheckDigit("26000001").value();
        CountDownLatch start = new CountDownLatch(1);
        List<Future<HttpApi.Response>> answers = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(50)) {
            for (int i = 0; i < REQUESTS; i++) {
                int n = i;
                answers.add(pool.submit(() -> {
                    start.await();
                    return api.post("/api/preciput/allocations", COORDINATOR, Map.of("purpose", "COMMONS_AWARD",
                            "beneficiarySiren", beneficiary, "amount", AMOUNT.toPlainString(),
                            "reason", "Demande concurrente n° " + n));
                }));
            }
            start.countDown();
        }
        int succeeded = 0;
        int refused = 0;
        for (Future<HttpApi.Response> answer : answers) {
            HttpApi.Response response = answer.get();
            if (response.status() == 201) {
                succeeded++;
            } else {
                assertThat(response.problem(422, "solde").path("rule").asString()).isEqualTo("solde-insuffisant");
                refused++;
            }
        }

        assertThat(succeeded).isEqualTo(AFFORDABLE);
        assertThat(refused).isEqualTo(REQUESTS - AFFORDABLE);
        assertThat(api.fundBalance()).isEqualByComparingTo("27.35");
        assertThat(countAllocations() - allocationsBefore).isEqualTo(AFFORDABLE);
        assertThat(jdbc.sql("SELECT min(balance) FROM ledger_account").query(BigDecimal.class).single().signum())
                .isGreaterThanOrEqualTo(0);
        // the stored balance is the sum of the fund's entries
        assertThat(jdbc.sql("SELECT sum(CASE WHEN side = 'CREDIT' THEN amount ELSE -amount END) FROM ledger_entry "
                + "WHERE account = 'FUND'").query(BigDecimal.class).single()).isEqualByComparingTo("27.35");
    }

    /**
     * Awards of innovation calls (which levy the fund and write the audit trail) while allocations run: every one of
     * them goes through, none waits for another in a cycle (no deadlock, no 409), and the fund adds up.
     */
    @Test
    void leviesAndAllocationsRunTogetherWithoutDeadlock() throws Exception {
        Api api = new Api(port);
        api.levyThroughAward("1000.00");
        String funderId = api.demoFunder();
        String programme = api.programme(Api.FUNDER, funderId, "0.1");
        List<String> applications = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String callId = api.openCall(Api.callBody(funderId, "INNOVATION", programme, "300000.00", "120000.00", "0.00"));
            String applicationId = api.submitted(Api.applicationBody(callId, "10000.00"));
            api.closeAndEvaluate(callId);
            api.eligible(applicationId);
            applications.add(applicationId);
        }
        BigDecimal before = api.fundBalance();
        CountDownLatch start = new CountDownLatch(1);
        List<Future<HttpApi.Response>> answers = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(12)) {
            for (int i = 0; i < 40; i++) {
                int n = i;
                answers.add(pool.submit(() -> {
                    start.await();
                    return api.post("/api/preciput/allocations", COORDINATOR, Map.of("purpose", "MUTUALISATION_STRUCTURE",
                            "beneficiarySiren", "213800006", "amount", "1.00", "reason", "Allocation n° " + n));
                }));
                if (i % 10 == 0) {
                    String applicationId = applications.get(i / 10);
                    answers.add(pool.submit(() -> {
                        start.await();
                        return api.post("/api/applications/" + applicationId + "/award", Api.FUNDER,
                                Map.of("amount", "10000.00", "reason", "Projet retenu."));
                    }));
                }
            }
            start.countDown();
        }
        for (Future<HttpApi.Response> answer : answers) {
            assertThat(answer.get().status()).as(answer.get().body()).isEqualTo(201);
        }
        // + 4 levies of 1 000.00, − 40 allocations of 1.00
        assertThat(api.fundBalance()).isEqualByComparingTo(before.add(new BigDecimal("3960.00")));
    }

    private long countAllocations() {
        return jdbc.sql("SELECT count(*) FROM ledger_transaction WHERE kind = 'ALLOCATION'").query(Long.class).single();
    }
}
