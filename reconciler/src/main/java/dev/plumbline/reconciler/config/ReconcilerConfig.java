package dev.plumbline.reconciler.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Every setting of the reconciler service. Each property can also be set from the environment, for example
 * {@code plumbline.topics.partitions} as {@code PLUMBLINE_TOPICS_PARTITIONS}.
 */
@ConfigMapping(prefix = "plumbline")
public interface ReconcilerConfig {

    /** The Kafka topics this service writes. */
    Topics topics();

    interface Topics {

        /** Create the topics this service writes at start-up, with the partitions and cleanup policies of the design. */
        @WithDefault("true")
        boolean provision();

        /** Partitions of a topic this service creates; a topic that already exists keeps its own. */
        @WithDefault("6")
        int partitions();
    }
}
