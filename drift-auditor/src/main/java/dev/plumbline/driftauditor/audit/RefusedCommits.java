package dev.plumbline.driftauditor.audit;

import dev.plumbline.events.CommitDetected;
import dev.plumbline.events.git.CommitRefusal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Refusals of commits to apps, waiting to be recorded in those apps' trails. Commit events are keyed by repository,
 * so every instance reads them all, while only the instance holding an app's partition of the audit inputs writes
 * its trail. A refusal waits here until that instance is this one, so one read while partitions move is recorded
 * once they settle; one recorded by another instance is found in the trail read back and not recorded again.
 * Beyond the capacity the oldest are dropped. Thread-safe: the commit listener adds, the audit timer takes.
 */
final class RefusedCommits {

    /** One app's refusal of the commit an event announces. */
    record Refused(CommitDetected commit, CommitRefusal refusal) {

        String app() {
            return refusal.app();
        }
    }

    private final Map<String, Refused> waiting;
    private boolean changed;

    RefusedCommits(int capacity) {
        this.waiting = new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Refused> eldest) {
                return size() > capacity;
            }
        };
    }

    synchronized void add(CommitDetected commit) {
        for (CommitRefusal refusal : commit.refusals()) {
            waiting.putIfAbsent(commit.eventId() + " " + refusal.app(), new Refused(commit, refusal));
            changed = true;
        }
    }

    /** Whether there may be one to record now: one was added, or the apps this instance records moved. */
    synchronized boolean changed() {
        return changed;
    }

    synchronized void partitionsMoved() {
        changed = !waiting.isEmpty();
    }

    /** Those waiting, oldest first; the caller records the ones it may and says so with {@link #recorded}. */
    synchronized List<Refused> waiting() {
        changed = false;
        return List.copyOf(waiting.values());
    }

    synchronized void recorded(Refused refused) {
        waiting.remove(refused.commit().eventId() + " " + refused.app());
    }

    /** Recording stopped short (the audit topic failed): look at those left again at the next chance. */
    synchronized void retry() {
        changed = true;
    }
}
