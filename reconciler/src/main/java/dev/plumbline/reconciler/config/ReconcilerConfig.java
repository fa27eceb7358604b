package dev.plumbline.reconciler.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * Every setting of the reconciler service. Each property can also be set from the environment, for example
 * {@code plumbline.topics.partitions} (the service-kit's {@code ServiceSettings}) as
 * {@code PLUMBLINE_TOPICS_PARTITIONS}. The cluster itself is found the way
 * fabric8 finds it (KUBECONFIG, {@code ~/.kube/config}, the in-cluster service account), or set with
 * {@code quarkus.kubernetes-client.*}.
 */
@ConfigMapping(prefix = "plumbline")
public interface ReconcilerConfig {

    /** Where Applications live. */
    Applications applications();

    /** How the cluster is called. */
    Kube kube();

    /** How syncs run. */
    Sync sync();

    interface Applications {

        /** The one namespace Application resources are watched in; their names are the apps' names. */
        @WithDefault("plumbline")
        String namespace();
    }

    interface Kube {

        /** Requests per second this service sends to the API server at most (fabric8 has no limit of its own). */
        @WithDefault("50")
        double qps();

        /** Requests that may go at once above the rate after a quiet spell. */
        @WithDefault("100")
        int burst();

        /** Retries of one failed API call (5xx, 429, connection failures) before the sync step fails. */
        @WithDefault("8")
        int maxRetries();

        /** The first wait before a retry; it doubles each time up to {@code retry-max-delay}. */
        @WithDefault("200ms")
        Duration retryDelay();

        /** The longest wait between two retries of one call. */
        @WithDefault("5s")
        Duration retryMaxDelay();

        /** Calls the circuit breaker looks at before it may open. */
        @WithDefault("20")
        int circuitBreakerRequests();

        /** The share of failed calls among them that opens it: no call is sent while it is open. */
        @WithDefault("0.5")
        double circuitBreakerFailureRatio();

        /** How long it stays open before letting a trial call through. */
        @WithDefault("5s")
        Duration circuitBreakerDelay();

        /** How long to wait for the watch caches of the cluster's kinds to fill at start or for a new kind. */
        @WithDefault("60s")
        Duration cacheSyncTimeout();

        /**
         * How often the cluster's version and served API versions (what Helm charts see as {@code .Capabilities}) are
         * read again; a CustomResourceDefinition added, changed or removed reads them at once.
         */
        @WithDefault("10m")
        Duration capabilitiesRefresh();
    }

    interface Sync {

        /** Apps reconciled at once; one app is only ever reconciled by one of them at a time. */
        @WithDefault("4")
        int workers();

        /** Retries of a failed sync when the Application's spec.syncPolicy.retry says nothing. */
        @WithDefault("5")
        int retryLimit();

        /** The first wait before retrying a failed sync, when the Application says nothing. */
        @WithDefault("5s")
        Duration retryBackoff();

        /** The longest wait between retries of a failed sync, when the Application says nothing. */
        @WithDefault("3m")
        Duration retryMaxBackoff();

        /** How long a sync waits for the CustomResourceDefinitions it applied to be established. */
        @WithDefault("60s")
        Duration crdEstablishedTimeout();
    }
}
