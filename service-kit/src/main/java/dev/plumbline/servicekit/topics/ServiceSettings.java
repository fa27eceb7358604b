package dev.plumbline.servicekit.topics;

import dev.plumbline.events.PlumblineService;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The settings every service has under {@code plumbline.*}, beside its own configuration interface (also rooted
 * at {@code plumbline}). Each can be set from the environment, e.g. {@code PLUMBLINE_TOPICS_PARTITIONS}.
 */
@ConfigMapping(prefix = "plumbline")
public interface ServiceSettings {

    /** Which service this is, e.g. {@code git-watcher}: set in its application.properties, not by operators. */
    PlumblineService service();

    /**
     * Which instance of the service this is, e.g. {@code reconciler-2}: {@code PLUMBLINE_INSTANCE}, else
     * {@code HOSTNAME}, else a random id ({@code InstanceConfigSource}); named in the client ids of the work-sharing
     * consumers and on every Kubernetes request.
     */
    String instance();

    /** The Kafka topics this service writes. */
    Topics topics();

    /** The kit's listener of the applications topic. */
    Applications applications();

    /** The key this service signs its events with (read through {@code ServiceKeys}). */
    Signing signing();

    /** The public keys this service trusts other services' signed events by (read through {@code ServiceKeys}). */
    Trust trust();

    interface Signing {

        /** Its Ed25519 private key, a PKCS#8 PEM file; needed by the services that sign. */
        Optional<Path> keyFile();
    }

    /** Per signing service, its public key file, or two (comma-separated) while its key is rotated. */
    interface Trust {

        Optional<List<Path>> gitWatcherKeys();

        Optional<List<Path>> rendererKeys();

        Optional<List<Path>> driftAuditorKeys();
    }

    interface Applications {

        /**
         * Whether the service reads the applications topic into its catalog ({@code ApplicationsListener}); read when
         * the service is built, so only its application.properties can turn it off.
         */
        @WithDefault("true")
        boolean listen();
    }

    interface Topics {

        /** Create the topics this service writes at start-up, with the partitions and cleanup policies of the design. */
        @WithDefault("true")
        boolean provision();

        /** Partitions of a topic this service creates; a topic that already exists keeps its own. */
        @WithDefault("6")
        int partitions();

        /**
         * Replicas of each partition of a topic this service creates. Three, for a cluster of three brokers or more;
         * a single broker (the sandbox, {@code ./plumb up}, docker-compose) needs 1. A topic that already exists
         * keeps its own; one with fewer replicas is warned about at start.
         */
        @WithDefault("3")
        int replicationFactor();

        /** The {@code min.insync.replicas} of a topic this service creates: at most the replication factor. */
        @WithDefault("2")
        int minInsyncReplicas();
    }
}
