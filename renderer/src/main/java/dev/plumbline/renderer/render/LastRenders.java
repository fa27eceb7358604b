package dev.plumbline.renderer.render;

import dev.plumbline.events.ManifestsRendered;
import dev.plumbline.events.PlumblineEvent;
import dev.plumbline.events.RenderFailed;
import dev.plumbline.events.signing.SigningKey;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The last good render of every app and when its latest outcome was written, rebuilt from the compacted
 * {@code plumbline.rendered-manifests} at start and kept current from it. A failure carries the last good render,
 * because it replaces that render under the app's key on the compacted topic. Only records this renderer's key
 * signed are taken (Ed25519 signatures are deterministic, so signing again tells), so that a record someone else
 * wrote on the topic is never carried along as a last good render, nor taken for one already published.
 */
public final class LastRenders {

    private record Latest(ManifestsRendered lastGood, Instant outcomeTime) {}

    private final Map<String, Latest> apps = new ConcurrentHashMap<>();
    private final CountDownLatch loaded = new CountDownLatch(1);
    private final SigningKey signingKey;

    /** @param signingKey the key this renderer signs with */
    public LastRenders(SigningKey signingKey) {
        this.signingKey = signingKey;
    }

    /** Takes a record of the topic (or one this instance wrote); a null event is a tombstone. */
    public void accept(String app, PlumblineEvent event) {
        if (event == null) {
            apps.remove(app);
            return;
        }
        if (!signedHere(event)) {
            return;
        }
        apps.compute(app, (key, previous) -> {
            if (previous != null && previous.outcomeTime().isAfter(event.time())) {
                return previous; // an older record read back after this instance wrote a newer one
            }
            if (event instanceof ManifestsRendered rendered) {
                return new Latest(rendered, rendered.time());
            }
            if (event instanceof RenderFailed failed) {
                ManifestsRendered lastGood = failed.lastRendered() != null
                        ? failed.lastRendered()
                        : previous == null ? null : previous.lastGood();
                return new Latest(lastGood, failed.time());
            }
            return previous;
        });
    }

    private boolean signedHere(PlumblineEvent event) {
        if (event instanceof ManifestsRendered rendered) {
            return rendered.digestMatchesObjects()
                    && signingKey.sign(rendered.signedFields()).equals(rendered.signature());
        }
        if (event instanceof RenderFailed failed) {
            return signingKey.sign(failed.signedFields()).equals(failed.signature())
                    && (failed.lastRendered() == null || signedHere(failed.lastRendered()));
        }
        return false;
    }

    public Optional<ManifestsRendered> lastGood(String app) {
        Latest latest = apps.get(app);
        return latest == null ? Optional.empty() : Optional.ofNullable(latest.lastGood());
    }

    /** When the app's latest render or failure was written; empty when it has none. */
    public Optional<Instant> latestOutcome(String app) {
        Latest latest = apps.get(app);
        return latest == null ? Optional.empty() : Optional.of(latest.outcomeTime());
    }

    public boolean has(String app) {
        return apps.containsKey(app);
    }

    /** Called once the topic has been read up to where it ended at start-up. */
    public void markLoaded() {
        loaded.countDown();
    }

    /** Waits until the topic was read to its end at start-up, so that no render is published without its history. */
    public boolean awaitLoaded(long timeout, TimeUnit unit) throws InterruptedException {
        return loaded.await(timeout, unit);
    }
}
