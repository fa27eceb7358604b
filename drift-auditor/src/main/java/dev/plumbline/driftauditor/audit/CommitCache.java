package dev.plumbline.driftauditor.audit;

import dev.plumbline.events.CommitDetected;
import dev.plumbline.events.git.CommitSignature;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Recent commit events by correlation id. Commit events are keyed by repository, not by app, so the instance that
 * records an app's trail is rarely the one a commit's partition went to: every instance reads them all, keeps the
 * latest, and records a commit in an app's trail when that app's render (same correlation id) arrives. A render can
 * overtake its commit event (two topics, two consumers), so the trail writer may wait a little for it. The checked
 * signatures of the commits are kept by SHA, so every record about a revision can name who signed it.
 */
public final class CommitCache {

    private final Map<String, CommitDetected> commits;
    private final Map<String, CommitSignature> signatures;
    private final Map<String, CompletableFuture<CommitDetected>> waiting = new HashMap<>();

    public CommitCache(int capacity) {
        this.commits = new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, CommitDetected> eldest) {
                return size() > capacity;
            }
        };
        this.signatures = new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, CommitSignature> eldest) {
                return size() > capacity;
            }
        };
    }

    public void add(CommitDetected commit) {
        CompletableFuture<CommitDetected> waiter;
        synchronized (this) {
            commits.put(commit.correlationId(), commit);
            commit.commits().stream()
                    .filter(info -> info.commitSignature() != null)
                    .forEach(info -> signatures.put(info.sha(), info.commitSignature()));
            waiter = waiting.remove(commit.correlationId());
        }
        if (waiter != null) {
            waiter.complete(commit);
        }
    }

    /** The signature of this commit as the git-watcher checked it, when a recent commit event said. */
    public synchronized Optional<CommitSignature> signatureOf(String sha) {
        return Optional.ofNullable(signatures.get(sha));
    }

    /** The commit with this correlation id, waiting up to {@code patience} for it to arrive. */
    public Optional<CommitDetected> await(String correlationId, Duration patience) {
        CompletableFuture<CommitDetected> waiter;
        synchronized (this) {
            CommitDetected known = commits.get(correlationId);
            if (known != null || patience.isZero()) {
                return Optional.ofNullable(known);
            }
            waiter = waiting.computeIfAbsent(correlationId, id -> new CompletableFuture<>());
        }
        try {
            return Optional.of(waiter.get(patience.toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException e) {
            return Optional.empty();
        } catch (ExecutionException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } finally {
            synchronized (this) {
                waiting.remove(correlationId, waiter);
            }
        }
    }
}
