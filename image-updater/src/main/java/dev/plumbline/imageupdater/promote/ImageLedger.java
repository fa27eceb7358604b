package dev.plumbline.imageupdater.promote;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the image-updater knows per image of each app: which tags and digests it already told, the open pull request,
 * the failure last told, and the status of the last check. Built from its own news, live and, at start, from the
 * history on {@code plumbline.image-events}, so a restart neither tells a tag again nor opens a second pull request.
 */
public final class ImageLedger {

    private static final class State {
        final Set<String> told = new HashSet<>();
        Set<String> lastTags;
        OpenPromotion open;
        String failureTold;
        String policy;
        String current;
        String chosen;
        Instant lastCheck;
        String lastError;
        Instant nextAttempt;
        int failures;
    }

    private final Map<ImageKey, State> states = new HashMap<>();

    /** Takes in one piece of news, as told now or as read back from the topic. */
    public synchronized void record(ImageNews news) {
        State state = state(news.key());
        if (news instanceof ImageNews.Detected detected) {
            state.told.add(told(detected.tag(), detected.digest()));
        } else if (news instanceof ImageNews.Proposed proposed) {
            state.open = new OpenPromotion(
                    proposed.promotionId(),
                    proposed.tag(),
                    proposed.digest(),
                    proposed.configRepo(),
                    proposed.branch(),
                    proposed.pullRequestNumber(),
                    proposed.pullRequestUrl());
            state.failureTold = null;
        } else if (news instanceof ImageNews.Merged merged) {
            if (state.open != null && state.open.promotionId().equals(merged.promotionId())) {
                state.open = null;
            }
            state.failureTold = null;
        } else if (news instanceof ImageNews.Failed failed) {
            state.failureTold = failureState(failed.reason(), failed.tag(), failed.digest());
        }
    }

    /** Whether this tag with this digest was already told for the image. */
    public synchronized boolean told(ImageKey key, String tag, String digest) {
        return states.containsKey(key) && states.get(key).told.contains(told(tag, digest));
    }

    /**
     * The tags the registry had at the last complete check since start; null before the first one. Only a tag that
     * appears between two checks is news when the policy passes it over: the tags a registry held before are history,
     * and telling each (with a request to the registry per tag) would be noise.
     */
    public synchronized Set<String> lastTags(ImageKey key) {
        return state(key).lastTags;
    }

    /** Remembers the tags of a check once everything new among them was told. */
    public synchronized void rememberTags(ImageKey key, Set<String> now) {
        state(key).lastTags = Set.copyOf(now);
    }

    public synchronized Optional<OpenPromotion> open(ImageKey key) {
        return Optional.ofNullable(states.containsKey(key) ? states.get(key).open : null);
    }

    /** Every open pull request of an app, by image. */
    public synchronized Map<ImageKey, OpenPromotion> openOf(String app) {
        Map<ImageKey, OpenPromotion> open = new HashMap<>();
        states.forEach((key, state) -> {
            if (key.app().equals(app) && state.open != null) {
                open.put(key, state.open);
            }
        });
        return open;
    }

    /** Whether this failure is news: not the failure last told for the image. */
    public synchronized boolean failureIsNews(ImageKey key, FailureReason reason, String tag, String digest) {
        return !failureState(reason, tag, digest).equals(state(key).failureTold);
    }

    /** A check that went through: the failures in a row end. */
    public synchronized void checked(ImageKey key, String policy, Instant at, String current, String chosen) {
        State state = state(key);
        if (policy != null) {
            state.policy = policy;
        }
        state.lastCheck = at;
        state.current = current;
        state.chosen = chosen;
        state.lastError = null;
        state.nextAttempt = null;
        state.failures = 0;
    }

    /** A check that ended well: the next failure is news again, whatever the last one was. */
    public synchronized void settled(ImageKey key) {
        state(key).failureTold = null;
    }

    /** A check that failed; returns the failures in a row, this one included. */
    public synchronized int failed(ImageKey key, String policy, String message) {
        State state = state(key);
        if (policy != null) {
            state.policy = policy;
        }
        state.lastError = message;
        state.failures++;
        return state.failures;
    }

    public synchronized void retryAt(ImageKey key, Instant nextAttempt) {
        state(key).nextAttempt = nextAttempt;
    }

    /** When a failing image is tried again; empty when it is not failing. */
    public synchronized Optional<Instant> nextAttempt(ImageKey key) {
        return Optional.ofNullable(states.containsKey(key) ? states.get(key).nextAttempt : null);
    }

    /** Forgets the status of the images no Application watches any more; what was told stays known. */
    public synchronized void keepStatusOf(Set<ImageKey> watched) {
        states.forEach((key, state) -> {
            if (!watched.contains(key)) {
                state.policy = null;
                state.nextAttempt = null;
            }
        });
    }

    public synchronized List<ImageStatus> statuses() {
        List<ImageStatus> all = new ArrayList<>();
        states.forEach((key, state) -> {
            if (state.policy != null || state.open != null || state.lastError != null) {
                all.add(new ImageStatus(
                        key.app(),
                        key.repository(),
                        state.policy,
                        state.current,
                        state.chosen,
                        state.open,
                        state.lastCheck,
                        state.lastError,
                        state.nextAttempt,
                        state.failures));
            }
        });
        all.sort(Comparator.comparing(ImageStatus::app).thenComparing(ImageStatus::repository));
        return all;
    }

    private State state(ImageKey key) {
        return states.computeIfAbsent(key, k -> new State());
    }

    private static String told(String tag, String digest) {
        return tag + "@" + digest;
    }

    private static String failureState(FailureReason reason, String tag, String digest) {
        return reason + " " + tag + "@" + digest;
    }
}
