package fr.dataterritoires.platform.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TokenBucketTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void aFullBucketLetsTheBurstThroughThenRefuses() {
        TokenBucket bucket = new TokenBucket(new RateLimit(1, 3), 0);

        assertThat(bucket.tryTake(0)).isEqualTo(RateDecision.allow(2));
        assertThat(bucket.tryTake(0)).isEqualTo(RateDecision.allow(1));
        assertThat(bucket.tryTake(0)).isEqualTo(RateDecision.allow(0));
        RateDecision refused = bucket.tryTake(0);
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfterSeconds()).isEqualTo(1);
    }

    @Test
    void tokensComeBackAtTheRateAndNeverAboveTheCapacity() {
        TokenBucket bucket = new TokenBucket(new RateLimit(2, 3), 0);
        for (int i = 0; i < 3; i++) {
            bucket.tryTake(0);
        }
        assertThat(bucket.tryTake(SECOND / 2).allowed()).as("one token after half a second at 2/s").isTrue();
        assertThat(bucket.tryTake(SECOND / 2).allowed()).isFalse();

        // an hour later: full, not 7,200 tokens
        long later = 3600 * SECOND;
        assertThat(bucket.tryTake(later)).isEqualTo(RateDecision.allow(2));
    }

    @Test
    void aSlowRateGivesALongRetryAfter() {
        TokenBucket bucket = new TokenBucket(new RateLimit(0.1, 1), 0);
        bucket.tryTake(0);
        assertThat(bucket.tryTake(0).retryAfterSeconds()).isEqualTo(10);
        assertThat(bucket.tryTake(4 * SECOND).retryAfterSeconds()).isEqualTo(6);
    }

    @Test
    void aClockGoingBackwardsGivesNothing() {
        TokenBucket bucket = new TokenBucket(new RateLimit(1, 1), 10 * SECOND);
        bucket.tryTake(10 * SECOND);
        assertThat(bucket.tryTake(5 * SECOND).allowed()).isFalse();
    }

    @Test
    void limitsMustBePositive() {
        assertThatThrownBy(() -> new RateLimit(0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RateLimit(1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RateLimit(Double.NaN, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void localBucketsForgetTheLeastRecentlySeenClientsFirst() {
        LocalBuckets buckets = new LocalBuckets(2);
        RateLimit limit = new RateLimit(0.001, 1);
        buckets.tryTake("a", limit, 0);
        buckets.tryTake("b", limit, 0);
        buckets.tryTake("a", limit, 0); // a seen again
        buckets.tryTake("c", limit, 0); // b dropped

        assertThat(buckets.size()).isEqualTo(2);
        assertThat(buckets.tryTake("a", limit, 0).allowed()).as("a kept its empty bucket").isFalse();
        assertThat(buckets.tryTake("b", limit, 0).allowed()).as("b starts again full").isTrue();
    }
}
