package dev.plumbline.reconciler.cluster;

import dev.plumbline.reconciler.config.ReconcilerConfig;
import dev.plumbline.servicekit.ratelimit.TokenBucket;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.smallrye.faulttolerance.api.Guard;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.temporal.ChronoUnit;
import java.util.function.Supplier;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;

/**
 * Every call this service makes to the API server goes through here: a client-side rate limit, retries with
 * exponential backoff for what may pass (server errors, throttling, connection failures), and a circuit breaker that
 * stops calling a failing API server for a while instead of adding to its load. A client error (400, 403, 404, 409,
 * 422) is an answer, not a failure: it is neither retried nor counted against the cluster.
 */
@ApplicationScoped
public class ClusterGuard {

    private final TokenBucket rateLimiter;
    private final Guard guard;

    @Inject
    public ClusterGuard(ReconcilerConfig config) {
        ReconcilerConfig.Kube kube = config.kube();
        this.rateLimiter = new TokenBucket(kube.qps(), kube.burst());
        this.guard = Guard.create()
                .withDescription("kubernetes-api")
                .withRetry()
                .maxRetries(kube.maxRetries())
                .delay(kube.retryDelay().toMillis(), ChronoUnit.MILLIS)
                .maxDuration(0, ChronoUnit.MILLIS)
                .jitter(kube.retryDelay().toMillis() / 4, ChronoUnit.MILLIS)
                .whenException(ClusterGuard::mayPass)
                .withExponentialBackoff()
                .factor(2)
                .maxDelay(kube.retryMaxDelay().toMillis(), ChronoUnit.MILLIS)
                .done()
                .done()
                .withCircuitBreaker()
                .name("kubernetes-api")
                .requestVolumeThreshold(kube.circuitBreakerRequests())
                .failureRatio(kube.circuitBreakerFailureRatio())
                .delay(kube.circuitBreakerDelay().toMillis(), ChronoUnit.MILLIS)
                .when(ClusterGuard::isClusterFailure)
                .done()
                .build();
    }

    /** Runs one API call under the rate limit, retries and circuit breaker. */
    @SuppressWarnings("unchecked")
    public <T> T call(Supplier<T> request) {
        Supplier<Object> limited = () -> {
            rateLimiter.acquire();
            return request.get();
        };
        return (T) guard.get(limited, Object.class);
    }

    /** A call without an answer worth keeping, such as a delete. */
    public void run(Runnable request) {
        call(() -> {
            request.run();
            return Boolean.TRUE;
        });
    }

    /** Whether a failed call may pass when repeated: the cluster failed, or the breaker is open for a while. */
    static boolean mayPass(Throwable failure) {
        return failure instanceof CircuitBreakerOpenException || isClusterFailure(failure);
    }

    /** Server errors, throttling and connection failures (no HTTP answer at all: code 0). */
    public static boolean isClusterFailure(Throwable failure) {
        if (failure instanceof KubernetesClientException api) {
            int code = api.getCode();
            return code == 0 || code == 429 || code >= 500;
        }
        return false;
    }
}
