package fr.dataterritoires.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.HdrHistogram.Histogram;

/**
 * Closed-loop load: {@code concurrency} clients each send the next query of the mix as soon as the previous one has
 * answered, first for a warm-up (not recorded), then for a measured duration. Latencies go to one HdrHistogram per
 * client (microseconds, 3 significant digits), merged at the end. Closed loop means a slow answer delays the next
 * request of its client: the percentiles are those of requests actually sent, without coordinated-omission
 * correction, the same way for every path.
 */
final class LoadRunner {

    /** Sends query {@code i} of the mix; throws or returns false when the answer is not a success. */
    @FunctionalInterface
    interface Client {
        boolean send(int queryIndex) throws Exception;

        /**
         * Untimed work before request {@code queryIndex} is sent (e.g. a token minted for a new user, a fresh aggregate
         * when the client's current one is full): not in its latency, and before the end of the period is checked.
         */
        default void prepare(int queryIndex) throws Exception {
        }
    }

    record Result(String path, int concurrency, long requests, long errors, double seconds, double throughput,
                  double p50Millis, double p90Millis, double p99Millis, double maxMillis, String firstError) {
    }

    private LoadRunner() {
    }

    static Result run(String path, int concurrency, int queryCount, Duration warmup, Duration measured, Client client)
            throws InterruptedException {
        long warmupEnd = System.nanoTime() + warmup.toNanos();
        long measureEnd = warmupEnd + measured.toNanos();
        List<Histogram> histograms = new ArrayList<>();
        AtomicLong errors = new AtomicLong();
        AtomicReference<String> firstError = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(concurrency);
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < concurrency; c++) {
            Histogram histogram = new Histogram(Duration.ofSeconds(120).toNanos() / 1000, 3);
            histograms.add(histogram);
            // Clients start at different places of the mix so that they do not send the same query together.
            int offset = (int) ((long) c * queryCount / concurrency);
            Thread thread = Thread.ofPlatform().name("bench-" + path + "-" + c).daemon().unstarted(() -> {
                try {
                    int next = offset;
                    while (true) {
                        String prepareError = null;
                        try {
                            client.prepare(next % queryCount);
                        } catch (Exception e) {
                            prepareError = e.toString();
                        }
                        long start = System.nanoTime();
                        if (start >= measureEnd) {
                            break;
                        }
                        boolean ok;
                        String error = null;
                        try {
                            if (prepareError != null) {
                                throw new IllegalStateException("preparation failed: " + prepareError);
                            }
                            ok = client.send(next % queryCount);
                        } catch (Exception e) {
                            ok = false;
                            error = e.toString();
                        }
                        long end = System.nanoTime();
                        next++;
                        if (start >= warmupEnd && end <= measureEnd) {
                            if (ok) {
                                histogram.recordValue(Math.max(1, (end - start) / 1000));
                            } else {
                                errors.incrementAndGet();
                                firstError.compareAndSet(null, error == null ? "unsuccessful answer" : error);
                            }
                        }
                    }
                } finally {
                    done.countDown();
                }
            });
            threads.add(thread);
        }
        threads.forEach(Thread::start);
        done.await();
        Histogram all = new Histogram(Duration.ofSeconds(120).toNanos() / 1000, 3);
        histograms.forEach(all::add);
        double seconds = measured.toNanos() / 1e9;
        long requests = all.getTotalCount();
        return new Result(path, concurrency, requests, errors.get(), seconds, requests / seconds,
                all.getValueAtPercentile(50) / 1000.0, all.getValueAtPercentile(90) / 1000.0,
                all.getValueAtPercentile(99) / 1000.0, all.getMaxValue() / 1000.0, firstError.get());
    }
}
