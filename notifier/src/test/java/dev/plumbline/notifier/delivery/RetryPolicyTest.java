package dev.plumbline.notifier.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plumbline.servicekit.retry.ExponentialBackoff;
import java.time.Duration;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class RetryPolicyTest {

    private final RetryPolicy policy = new RetryPolicy(
            new ExponentialBackoff(Duration.ofSeconds(1), 2, Duration.ofMinutes(5), 0.2), 20, Duration.ofMinutes(30));
    private final DeliveryFailure serverError = DeliveryFailure.transientFailure("slack:default answered 500");

    @Test
    void waitsDoubleAfterEachFailureUpToTheLongestWait() {
        assertThat(policy.next(1, serverError, Duration.ZERO, () -> 0.5)).contains(Duration.ofSeconds(1));
        assertThat(policy.next(2, serverError, Duration.ZERO, () -> 0.5)).contains(Duration.ofSeconds(2));
        assertThat(policy.next(5, serverError, Duration.ZERO, () -> 0.5)).contains(Duration.ofSeconds(16));
        assertThat(policy.next(15, serverError, Duration.ZERO, () -> 0.5)).contains(Duration.ofMinutes(5));
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.0, 0.25, 0.999})
    void jitterSpreadsAWaitByAtMostAFifthEitherWay(double random) {
        Duration wait = policy.next(4, serverError, Duration.ZERO, () -> random).orElseThrow();

        assertThat(wait).isBetween(Duration.ofMillis(6400), Duration.ofMillis(9600));
    }

    @Test
    void aRetryAfterIsHonouredAndOnlyEverLengthenedByJitter() {
        DeliveryFailure slow = DeliveryFailure.rateLimited("429", Duration.ofSeconds(30));

        assertThat(policy.next(1, slow, Duration.ZERO, () -> 0.0)).contains(Duration.ofSeconds(30));
        assertThat(policy.next(1, slow, Duration.ZERO, () -> 0.999).orElseThrow())
                .isBetween(Duration.ofSeconds(30), Duration.ofSeconds(36));
    }

    @Test
    void aRefusalIsNotRetried() {
        assertThat(policy.next(1, DeliveryFailure.permanent("404 no_service"), Duration.ZERO, () -> 0.5))
                .isEmpty();
    }

    @Test
    void givesUpAfterTheLastAttemptOrWhenTheNextWouldBeTooLate() {
        assertThat(policy.next(20, serverError, Duration.ZERO, () -> 0.5)).isEmpty();
        assertThat(policy.next(3, serverError, Duration.ofMinutes(29).plusSeconds(57), () -> 0.5))
                .isEmpty();
    }
}
