package dev.plumbline.renderer.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Every setting of the renderer service. Each property can also be set from the environment, for example
 * {@code plumbline.topics.partitions} (the service-kit's {@code ServiceSettings}) as
 * {@code PLUMBLINE_TOPICS_PARTITIONS}.
 */
@ConfigMapping(prefix = "plumbline")
public interface RendererConfig {

    /** How renders run. */
    Render render();

    /** Downloading and extracting the git-watcher's artifacts. */
    Artifact artifact();

    /** The render cache. */
    Cache cache();

    interface Render {

        /** The longest one Application's render may take; past it the render is stopped and fails with timeout. */
        @WithDefault("90s")
        Duration timeout();

        /** How many Applications render at the same time, across all commits. */
        @WithDefault("2")
        int concurrency();

        /** Where commits are extracted and rendered; each commit's folder is removed once its renders are done. */
        @WithDefault("${java.io.tmpdir}/plumbline-renderer")
        String scratchDir();

        /**
         * How long start-up waits to have read {@code plumbline.rendered-manifests} to its end (the last good render
         * of every app) before rendering anyway.
         */
        @WithDefault("2m")
        Duration historyTimeout();

        /**
         * The largest render one Application may produce, in bytes: its plain manifest files together, its kustomize
         * output, or the JSON of its objects. Larger fails with render-too-large for that Application alone.
         */
        @WithDefault("33554432")
        long maxBytes();

        /** The most the render cache's renders (their objects' JSON) may add up to, in bytes; 0 turns it off. */
        @WithDefault("67108864")
        long cacheMaxBytes();

        Kustomize kustomize();

        Helm helm();
    }

    interface Helm {

        /** The Java heap ({@code -Xmx}) of each Helm worker process: it holds one chart's output at a time. */
        @WithDefault("256M")
        MemorySize workerHeap();

        /**
         * The most resident memory a Helm worker may use (Java heap, the JVM itself and Helm's native Go memory
         * together); a worker past it is killed and its render fails.
         */
        @WithDefault("768M")
        MemorySize workerMemory();
    }

    interface Kustomize {

        /**
         * The build commands to try, in order; the first whose program is installed is used, with the folder to
         * build appended.
         */
        @WithDefault("kustomize build,kubectl kustomize")
        List<String> commands();

        /** The {@code PATH} kustomize is looked up in and runs with; by default the renderer's own. */
        Optional<String> path();
    }

    interface Artifact {

        /** How long downloading one artifact may take. */
        @WithDefault("60s")
        Duration timeout();

        /** The largest artifact (compressed) accepted, in bytes. */
        @WithDefault("268435456")
        long maxBytes();

        /** The most an artifact's files may add up to once extracted, in bytes. */
        @WithDefault("1073741824")
        long maxExtractedBytes();
    }

    interface Cache {

        /** The most renders kept by the digest of their inputs; 0 turns the cache off. */
        @WithDefault("512")
        int maxEntries();
    }
}
