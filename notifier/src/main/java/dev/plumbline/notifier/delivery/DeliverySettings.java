package dev.plumbline.notifier.delivery;

import dev.plumbline.notifier.aggregate.DedupWindow;
import dev.plumbline.notifier.config.NotifierConfig;
import dev.plumbline.notifier.template.MessageTemplates;
import io.smallrye.faulttolerance.api.Guard;
import java.time.temporal.ChronoUnit;
import java.util.function.Function;

/** What every destination's worker shares: dedup, templates, the retry policy, records, metrics and its guards. */
record DeliverySettings(
        DedupWindow dedup,
        MessageTemplates templates,
        RetryPolicy retryPolicy,
        DeliveryRecords records,
        DeliveryMetrics metrics,
        NotifierConfig.Delivery config,
        Function<Target, Guard> guards) {

    /** The circuit breaker and timeout of {@code target}'s own. */
    Guard guardFor(Target target) {
        return guards.apply(target);
    }

    /**
     * A circuit breaker and a timeout of the destination's own. Only failures that say something about the
     * destination's state count against the breaker: a refused payload does not.
     */
    static Guard breakerAndTimeout(NotifierConfig.Delivery config, Target target) {
        NotifierConfig.CircuitBreaker breaker = config.circuitBreaker();
        return Guard.create()
                .withDescription("notify " + target)
                .withCircuitBreaker()
                .name("notify-" + target)
                .requestVolumeThreshold(breaker.requestVolume())
                .failureRatio(breaker.failureRatio())
                .delay(breaker.delay().toMillis(), ChronoUnit.MILLIS)
                .when(failure -> !(failure instanceof DeliveryFailure delivery) || delivery.retryable())
                .done()
                // the HTTP client's own timeout usually ends an attempt first; this one also bounds SMTP
                .withTimeout()
                .duration(config.timeout().toMillis() + 1000, ChronoUnit.MILLIS)
                .done()
                .build();
    }
}
