package fr.dataterritoires.commonscalls.persistence;

import static fr.dataterritoires.commonscalls.support.Api.APPLICANT;
import static fr.dataterritoires.commonscalls.support.Api.FUNDER;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import fr.dataterritoires.commonscalls.application.Calls;
import fr.dataterritoires.commonscalls.support.Api;
import fr.dataterritoires.commonscalls.support.ServiceTest;
import fr.dataterritoires.platform.testsupport.HttpApi;

/**
 * Submissions to one call hold its row in share mode: they do not queue behind one another (an exclusive lock made
 * every submission to a call wait for the previous one's commit, issue 10 §5), and closing the call still waits for
 * the submissions in progress, so none slips past the closing.
 */
@ServiceTest
class SubmissionLocksTest {

    @LocalServerPort
    int port;

    @Autowired
    Calls calls;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void aSubmissionDoesNotWaitForAnotherToTheSameCallButTheClosingWaitsForIt() throws Exception {
        Api api = new Api(port);
        String callId = api.openCall(Api.callBody(api.demoFunder(), "COMMONS", null, "100000.00", "80000.00", "0.00"));
        String draft = api.post("/api/applications", APPLICANT, Api.applicationBody(callId, "50000.00", Api.MEMBER))
                .status(201).json().path("id").asString();

        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try (ExecutorService threads = Executors.newFixedThreadPool(3)) {
            // a submission in progress: the call's row as a submission locks it, until released
            Future<?> inProgress = threads.submit(() -> new TransactionTemplate(transactions).executeWithoutResult(tx -> {
                calls.findForShare(UUID.fromString(callId)).orElseThrow();
                held.countDown();
                await(release);
            }));
            assertThat(held.await(60, TimeUnit.SECONDS)).isTrue();

            // another submission to the same call goes through meanwhile (the bound only keeps a regression from
            // hanging the build: with an exclusive lock it waits for the release)
            Future<HttpApi.Response> submitted = threads.submit(() ->
                    api.post("/api/applications/" + draft + "/submit", APPLICANT, null));
            assertThat(submitted.get(60, TimeUnit.SECONDS).status()).isEqualTo(200);

            // closing the call waits for the submission in progress
            Future<HttpApi.Response> closing = threads.submit(() ->
                    api.post("/api/calls/" + callId + "/close", FUNDER, null));
            awaitABackendWaitingOnALock();
            assertThat(closing.isDone()).isFalse();

            release.countDown();
            inProgress.get(60, TimeUnit.SECONDS);
            assertThat(closing.get(60, TimeUnit.SECONDS).status()).isEqualTo(200);
        }
        assertThat(jdbc.sql("SELECT status FROM application WHERE id = :id").param("id", UUID.fromString(draft))
                .query(String.class).single()).isEqualTo("SUBMITTED");
    }

    /** Until PostgreSQL shows one of this database's backends waiting for a lock (the closing's). */
    private void awaitABackendWaitingOnALock() throws InterruptedException {
        for (int i = 0; i < 600; i++) {
            Integer waiting = jdbc.sql("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                    + "AND wait_event_type = 'Lock'").query(Integer.class).single();
            if (waiting > 0) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the closing never waited for the call's row");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(120, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
