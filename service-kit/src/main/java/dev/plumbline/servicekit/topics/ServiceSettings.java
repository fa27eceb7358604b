package dev.plumbline.servicekit.topics;

import dev.plumbline.events.PlumblineService;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The settings every service has under {@code plumbline.*}, beside its own configuration interface (also rooted
 * at {@code plumbline}). Each can be set from the environment, e.g. {@code PLUMBLINE_TOPICS_PARTITIONS}.
 */
@ConfigMapping(prefix = "plumbline")
public interface ServiceSettings {

    /** Which service this is, e.g. {@code git-watcher}: set in its application.properties, not by operators. */
    PlumblineService service();

    /** The Kafka topics this service writes. */
    Topics topics();

    /** The kit's listener of the applications topic. */
    Applications applications();

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
    }
}
