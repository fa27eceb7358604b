package dev.plumbline.notifier.occasion;

import dev.plumbline.events.ApplyAction;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Gathers the apply actions of each sync until the sync is whole, so that a sync makes one message rather than one
 * per object. A sync is whole at its last action; one whose last action never comes (the reconciler died) is given
 * up after a time, so that its events do not hold back the consumer's offsets for ever.
 */
final class SyncCollector {

    /** A sync gathered: its actions by index, and whether every index from 1 to the count was seen. */
    record Sync(List<ApplyAction> actions, boolean complete) {}

    private final Duration giveUpAfter;
    private final Map<String, Pending> pending = new LinkedHashMap<>();

    SyncCollector(Duration giveUpAfter) {
        this.giveUpAfter = giveUpAfter;
    }

    /** Takes one action; returns the sync when this action made it whole (or was its last). */
    java.util.Optional<Sync> add(ApplyAction action, Instant now) {
        String key = action.app() + "/" + action.syncId();
        Pending sync = pending.computeIfAbsent(key, ignored -> new Pending(now));
        sync.actions.put(action.objectIndex(), action);
        boolean whole = sync.actions.size() >= action.objectCount();
        if (whole || action.lastOfSync()) {
            pending.remove(key);
            return java.util.Optional.of(new Sync(List.copyOf(sync.actions.values()), whole));
        }
        return java.util.Optional.empty();
    }

    /** The syncs that have waited longer than allowed for their last action, removed. */
    List<Sync> expire(Instant now) {
        List<Sync> expired = new ArrayList<>();
        for (Iterator<Pending> it = pending.values().iterator(); it.hasNext(); ) {
            Pending sync = it.next();
            if (!now.isBefore(sync.since.plus(giveUpAfter))) {
                it.remove();
                expired.add(new Sync(List.copyOf(sync.actions.values()), false));
            }
        }
        return expired;
    }

    private static final class Pending {
        private final Instant since;
        private final Map<Integer, ApplyAction> actions = new TreeMap<>();

        private Pending(Instant since) {
            this.since = since;
        }
    }
}
