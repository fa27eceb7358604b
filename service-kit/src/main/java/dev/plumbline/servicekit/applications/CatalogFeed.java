package dev.plumbline.servicekit.applications;

import dev.plumbline.engine.application.ApplicationCatalog;
import dev.plumbline.events.ApplicationSpec;
import dev.plumbline.events.PlumblineEvent;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * Feeds the records of the {@code plumbline.applications} topic into an {@link ApplicationCatalog} and tells the
 * service of each change, with one policy for bad records, so that none of them stops the channel:
 * <ul>
 * <li>a record that cannot be read never gets here: {@code SkippingEventDeserializer} and
 * {@code UnreadableRecordSkipper} skip, log and count it;</li>
 * <li>a tombstone deletes its Application;</li>
 * <li>a record the catalog refuses (no key, not a spec, a spec under another app's key) is logged with its app and
 * position and skipped; the catalog keeps what it had;</li>
 * <li>a service that fails on a change is logged with the app; the catalog keeps the change and reading goes on.</li>
 * </ul>
 * Every record, skipped or not, counts as read for {@link #reached}.
 */
public final class CatalogFeed {

    private static final Logger LOG = Logger.getLogger(CatalogFeed.class);

    private final ApplicationCatalog catalog = new ApplicationCatalog();
    private final Map<Integer, Long> nextOffsets = new ConcurrentHashMap<>();
    private final ApplicationChanges changes;

    public CatalogFeed(ApplicationChanges changes) {
        this.changes = changes;
    }

    /** Takes one record of the applications topic, at {@code partition}/{@code offset}; never throws. */
    public void accept(int partition, long offset, String app, PlumblineEvent event) {
        try {
            take(partition, offset, app, event);
        } finally {
            nextOffsets.merge(partition, offset + 1, Math::max);
        }
    }

    private void take(int partition, long offset, String app, PlumblineEvent event) {
        try {
            catalog.accept(app, event);
        } catch (IllegalArgumentException refused) {
            LOG.warnf(
                    "Skipped the record at partition %d, offset %d of the applications topic for app %s: %s",
                    partition, offset, app, refused.getMessage());
            return;
        }
        Optional<ApplicationSpec> spec = Optional.ofNullable((ApplicationSpec) event);
        try {
            changes.changed(app, spec, catalog);
        } catch (RuntimeException failed) {
            LOG.errorf(
                    failed,
                    "App %s: acting on its %s failed; the other Applications are not held up",
                    app,
                    spec.isPresent() ? "new spec" : "deletion");
        }
    }

    public ApplicationCatalog catalog() {
        return catalog;
    }

    /** Whether every partition has been read up to the given end offset (exclusive), as from {@code endOffsets}. */
    public boolean reached(Map<Integer, Long> endOffsets) {
        return endOffsets.entrySet().stream()
                .allMatch(end -> end.getValue() == 0 || nextOffsets.getOrDefault(end.getKey(), 0L) >= end.getValue());
    }
}
