package dev.plumbline.notifier.delivery;

import dev.plumbline.notifier.aggregate.DedupWindow;
import dev.plumbline.notifier.config.NotifierConfig;
import dev.plumbline.notifier.template.MessageTemplates;
import io.smallrye.faulttolerance.api.Guard;
import java.time.temporal.ChronoUnit;

/** What every destination's worker shares: dedup, templates, the retry policy, records and metrics. */
record DeliverySettings(
        DedupWindow dedup,
        MessageTemplates templates,
        RetryPolicy retryPolicy,
        DeliveryRecords records,
        DeliveryMetrics metrics,
        NotifierConfig.Delivery config) {

    /**
     * A circuit breaker and a timeout of the destination's own. Only failures that say something about the
     * destination's state count against the breaker: a refused payload does not.
     */
    Guard guardFor(Target target) {
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
