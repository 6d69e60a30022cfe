package fr.dataterritoires.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.Test;

/** Closed-loop clients go through the whole mix, and failures are counted apart from the latencies. */
class LoadRunnerTest {

    @Test
    void everyClientWalksTheMixAndFailuresAreCountedNotTimed() throws Exception {
        Set<Integer> sent = ConcurrentHashMap.newKeySet();
        LoadRunner.Result result = LoadRunner.run("test", 4, 10, Duration.ZERO, Duration.ofMillis(400), i -> {
            sent.add(i);
            Thread.sleep(1);
            if (i == 5) {
                throw new IllegalStateException("boom");
            }
            return i != 3;
        });

        assertThat(sent).containsExactlyInAnyOrder(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
        assertThat(result.requests()).isPositive();
        assertThat(result.errors()).isPositive();
        // Two queries of ten fail: about a fifth of what was sent.
        assertThat((double) result.errors() / (result.requests() + result.errors())).isBetween(0.1, 0.3);
        assertThat(result.firstError()).isIn("java.lang.IllegalStateException: boom", "unsuccessful answer");
        assertThat(result.p50Millis()).isLessThanOrEqualTo(result.p99Millis());
        assertThat(result.p99Millis()).isLessThanOrEqualTo(result.maxMillis());
        assertThat(result.concurrency()).isEqualTo(4);
    }
}
