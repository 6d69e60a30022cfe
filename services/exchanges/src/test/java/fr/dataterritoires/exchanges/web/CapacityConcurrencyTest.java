package fr.dataterritoires.exchanges.web;

import static fr.dataterritoires.exchanges.support.Api.agent;
import static fr.dataterritoires.exchanges.support.Api.application;
import static fr.dataterritoires.exchanges.support.Api.manager;
import static fr.dataterritoires.exchanges.support.Api.newSiren;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;

import fr.dataterritoires.exchanges.support.Api;
import fr.dataterritoires.exchanges.support.ServiceTest;

/**
 * Capacity and double booking under concurrency, on the real PostgreSQL: 50 agents apply at once to an offer with 3
 * places, their employer approves them all, the host accepts all 50 at once: exactly 3 placements, 47 applications
 * on the waiting list. An agent accepted at once on two offers for overlapping dates gets exactly one. And the
 * database itself refuses what the application would have let through.
 */
@ServiceTest
class CapacityConcurrencyTest {

    private static final LocalDate START = LocalDate.of(2028, 1, 10);
    private static final LocalDate END = LocalDate.of(2028, 3, 31);

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void fiftyConcurrentApplicationsAndAcceptancesForThreePlacesGiveExactlyThreePlacements() throws Exception {
        Api api = new Api(port);
        String commune = newSiren('2');
        String employerSiren = newSiren('1');
        String offer = api.publishedOffer(commune, 3, START, END);
        int n = 50;
        List<String> applications = concurrently(n, i -> api.post("/api/offers/" + offer + "/applications",
                agent("agent-" + i + "-" + UUID.randomUUID(), employerSiren),
                application("Agent Numero" + i, "STATE", START, START.plusDays(4))).status(201).json().path("id")
                .asString());
        assertThat(applications).hasSize(n).doesNotHaveDuplicates();
        String employer = manager(employerSiren);
        concurrently(n, i -> api.decide("/api/applications/" + applications.get(i) + "/employer-decision", employer,
                true, null).path("status").asString());

        String host = manager(commune);
        List<Integer> statuses = concurrently(n, i -> api.post("/api/applications/" + applications.get(i)
                + "/host-decision", host, Map.of("approve", true)).status());
        assertThat(statuses.stream().filter(s -> s == 200).count()).isEqualTo(3);
        assertThat(statuses.stream().filter(s -> s == 409).count()).isEqualTo(n - 3);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM placement WHERE offer_id = ?::uuid AND status <> "
                + "'CANCELLED'", Integer.class, offer)).isEqualTo(3);
        assertThat(jdbc.queryForObject("SELECT places_taken FROM offer WHERE id = ?::uuid", Integer.class, offer))
                .isEqualTo(3);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM application WHERE offer_id = ?::uuid AND status = "
                + "'ACCEPTED'", Integer.class, offer)).isEqualTo(3);
        assertThat(api.get("/api/offers/" + offer + "/applications?waiting=true", host).ok().json().size())
                .isEqualTo(n - 3);
    }

    @Test
    void anAgentAcceptedAtOnceOnTwoOffersForOverlappingDatesGetsOnlyOne() throws Exception {
        Api api = new Api(port);
        String employerSiren = newSiren('1');
        String employer = manager(employerSiren);
        String token = agent("double-" + UUID.randomUUID(), employerSiren);
        List<String> communes = List.of(newSiren('2'), newSiren('2'));
        List<String> apps = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            String offer = api.publishedOffer(communes.get(i), 5, START, END);
            String app = api.post("/api/offers/" + offer + "/applications", token, application("Denis Double",
                    "STATE", START.plusDays(i * 3), START.plusDays(i * 3 + 5))).status(201).json().path("id").asString();
            api.decide("/api/applications/" + app + "/employer-decision", employer, true, null);
            apps.add(app);
        }
        List<Integer> statuses = concurrently(2, i -> api.post("/api/applications/" + apps.get(i) + "/host-decision",
                manager(communes.get(i)), Map.of("approve", true)).status());
        assertThat(statuses).containsExactlyInAnyOrder(200, 409);
    }

    @Test
    void theDatabaseRefusesOverCapacityAndOverlapsByItself() {
        UUID offer = UUID.randomUUID();
        UUID person = UUID.randomUUID();
        jdbc.update("INSERT INTO offer (id, host_siren, host_type, host_name, region_code, title, topics, activities, "
                + "learning_outcomes, min_days, max_days, capacity, work_mode, status, created_by, created_at, "
                + "published_at) VALUES (?, '213800006', 'LOCAL_AUTHORITY', 'C', '84', 'T', '{x}', 'a', 'l', 1, 10, "
                + "1, 'REMOTE', 'PUBLISHED', 't', now(), now())", offer);
        jdbc.update("INSERT INTO person (id, subject, name, email, statistics_key, last_activity_at, created_at) "
                + "VALUES (?, ?, 'N', 'n@x.fr', gen_random_uuid(), now(), now())", person, "db-" + person);
        UUID first = insertPlacement(offer, person, "2029-01-01", "2029-01-05");
        assertThat(first).isNotNull();
        // a second placement on a full offer: the CHECK places_taken <= capacity refuses it
        UUID otherOffer = UUID.randomUUID();
        jdbc.update("INSERT INTO offer SELECT ?, host_siren, host_type, host_name, region_code, ministry, title, topics, "
                + "activities, learning_outcomes, min_days, max_days, 5, 0, work_mode, place, status, created_by, "
                + "created_at, published_at, closed_at, 0 FROM offer WHERE id = ?", otherOffer, offer);
        UUID someone = UUID.randomUUID();
        jdbc.update("INSERT INTO person (id, subject, name, email, statistics_key, last_activity_at, created_at) "
                + "VALUES (?, ?, 'M', 'm@x.fr', gen_random_uuid(), now(), now())", someone, "db-" + someone);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> insertPlacement(offer, someone, "2029-02-01",
                "2029-02-02")).isInstanceOf(DataIntegrityViolationException.class).hasMessageContaining("offer_places_within_capacity");
        // the same agent on overlapping dates elsewhere: the exclusion constraint refuses it
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> insertPlacement(otherOffer, person, "2029-01-05",
                "2029-01-09")).isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("placement_no_overlap");
        assertThat(insertPlacement(otherOffer, person, "2029-01-06", "2029-01-09")).isNotNull();
    }

    private UUID insertPlacement(UUID offer, UUID person, String start, String end) {
        UUID application = UUID.randomUUID();
        UUID placement = UUID.randomUUID();
        jdbc.update("INSERT INTO application (id, offer_id, person_id, start_date, end_date, motivation, status, "
                + "employer_siren, employer_side, employer_region_code, employer_decided_at, host_decided_at, "
                + "submitted_at, updated_at) VALUES (?, ?, ?, ?::date, ?::date, 'm', 'ACCEPTED', '120000005', 'STATE', "
                + "'84', now(), now(), now(), now())", application, offer, person, start, end);
        jdbc.update("INSERT INTO placement (id, application_id, offer_id, person_id, start_date, end_date, direction, "
                + "status, created_at, updated_at) VALUES (?, ?, ?, ?, ?::date, ?::date, 'STATE_TO_TERRITORIAL', "
                + "'AGREEMENT_PENDING', now(), now())", placement, application, offer, person, start, end);
        return placement;
    }

    @FunctionalInterface
    interface Indexed<T> {
        T call(int i) throws Exception;
    }

    /** Runs {@code n} calls released together on 16 threads; their results in index order. */
    private static <T> List<T> concurrently(int n, Indexed<T> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int index = i;
                futures.add(pool.submit((Callable<T>) () -> {
                    go.await();
                    return call.call(index);
                }));
            }
            go.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get(120, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
