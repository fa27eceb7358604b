package dev.plumbline.driftauditor.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Every setting of the drift-auditor service. Each property can also be set from the environment, for example
 * {@code plumbline.topics.partitions} (the service-kit's {@code ServiceSettings}) as
 * {@code PLUMBLINE_TOPICS_PARTITIONS}.
 */
@ConfigMapping(prefix = "plumbline")
public interface DriftAuditorConfig {

    /** How drift is found. */
    Drift drift();

    /** How self-heal is asked for. */
    Heal heal();

    /** The audit trail. */
    Audit audit();

    interface Drift {

        /**
         * How often every app is compared again with a fresh list of its objects from the API server, as a safety
         * net under the watches (a missed event, a cache gone stale). Argo CD's default resync is 3 minutes; this
         * is cheaper because watches do the real work.
         */
        @WithDefault("PT10M")
        Duration fullComparisonInterval();

        /**
         * How long an unwanted tracked object may exist, right after a new desired state or Plumbline's own write,
         * before it counts as an orphan: the reconciler needs that long to prune it. (A desired object that was
         * never live is never drift; one that was live and is gone is reported at once.)
         */
        @WithDefault("PT10S")
        Duration settle();

        /** Field managers whose writes are Plumbline's own applies and never drift (the reconciler's manager). */
        @WithDefault("plumbline")
        List<String> ownFieldManagers();

        /** Namespaces to watch; empty watches every namespace (cluster-scoped kinds are watched either way). */
        Optional<List<String>> namespaces();

        /** How often timers (backoff, pause expiry, settle deadlines) are checked. */
        @WithDefault("PT0.5S")
        Duration timerResolution();
    }

    interface Heal {

        /** The delay before the second heal request of an app; the first is sent at once (as in Argo CD). */
        @WithDefault("PT2S")
        Duration initialBackoff();

        /** Each further request of the app waits this many times longer. */
        @WithDefault("3")
        int backoffFactor();

        /** The longest wait between two heal requests of one app. */
        @WithDefault("PT5M")
        Duration maxBackoff();

        /** An app without a heal request for this long starts again from no delay. */
        @WithDefault("PT5M")
        Duration backoffReset();

        /** A field reverted more than this many times within {@link #fightWindow()} is a fight: healing it stops. */
        @WithDefault("3")
        int fightReverts();

        /** The span reverts are counted in. */
        @WithDefault("PT10M")
        Duration fightWindow();
    }

    interface Audit {

        /** Commit events kept in memory to be recorded when their render arrives (every instance reads them all). */
        @WithDefault("10000")
        int commitCacheSize();

        /**
         * How long a render waits for the commit event it came from (a different topic, read by another consumer)
         * so that the commit is recorded before the render.
         */
        @WithDefault("PT5S")
        Duration commitWait();

        /** Source events remembered per app to drop a redelivered one; rebuilt from the audit topic on start. */
        @WithDefault("10000")
        int dedupWindow();

        /** The most records {@code GET /api/audit} returns. */
        @WithDefault("1000")
        int queryLimit();
    }
}
