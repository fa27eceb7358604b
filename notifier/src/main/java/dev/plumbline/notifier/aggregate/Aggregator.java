package dev.plumbline.notifier.aggregate;

import dev.plumbline.events.vocabulary.NotificationOccasion;
import dev.plumbline.notifier.occasion.CommitRef;
import dev.plumbline.notifier.occasion.ObjectLine;
import dev.plumbline.notifier.occasion.Occurrence;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a burst of occurrences into one message: occurrences of the same occasion, app, revision and subject are
 * merged while they keep coming, and released once none came for the quiet period, or once the first of them has
 * waited the longest hold (a drift that never stops still gets told). Not thread-safe: one caller at a time.
 */
public final class Aggregator {

    private record Key(NotificationOccasion occasion, String app, String revision, String subject) {}

    private final Duration quiet;
    private final Duration maxHold;
    private final Map<Key, Group> groups = new LinkedHashMap<>();

    public Aggregator(Duration quiet, Duration maxHold) {
        this.quiet = quiet;
        this.maxHold = maxHold;
    }

    public void add(Occurrence occurrence, Instant now) {
        Key key = new Key(occurrence.occasion(), occurrence.app(), occurrence.revision(), occurrence.subject());
        groups.computeIfAbsent(key, ignored -> new Group(now)).merge(occurrence, now);
    }

    /** The notifications whose time has come, removed, oldest first. */
    public List<Notification> due(Instant now) {
        List<Notification> due = new ArrayList<>();
        for (Iterator<Map.Entry<Key, Group>> it = groups.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<Key, Group> entry = it.next();
            Group group = entry.getValue();
            if (!now.isBefore(group.lastAdded.plus(quiet)) || !now.isBefore(group.firstAdded.plus(maxHold))) {
                it.remove();
                due.add(group.notification(entry.getKey()));
            }
        }
        return due;
    }

    /** How many notifications are being gathered. */
    public int pending() {
        return groups.size();
    }

    private static final class Group {
        private static final String EPISODE = "episode";
        private final Instant firstAdded;
        private Instant lastAdded;
        private Instant firstSeen;
        private String correlationId;
        private final Map<String, ObjectLine> objects = new LinkedHashMap<>();
        private final Set<String> changedBy = new LinkedHashSet<>();
        private String outcome = "";
        private final Map<String, String> facts = new LinkedHashMap<>();
        private CommitRef commit;
        private int occurrences;
        private final List<String> sourceEventIds = new ArrayList<>();

        private Group(Instant now) {
            this.firstAdded = now;
        }

        private void merge(Occurrence occurrence, Instant now) {
            lastAdded = now;
            firstSeen = firstSeen == null || occurrence.time().isBefore(firstSeen) ? occurrence.time() : firstSeen;
            correlationId = occurrence.correlationId();
            // the latest report of an object is the truest: a grown episode names more fields
            occurrence.objects().forEach(line -> objects.put(identity(line), line));
            changedBy.addAll(occurrence.changedBy());
            outcome = occurrence.outcome();
            String episode = facts.get(EPISODE);
            facts.putAll(occurrence.facts());
            if (episode != null && !episode.equals(facts.get(EPISODE))) {
                facts.put(EPISODE, "several");
            }
            commit = occurrence.commit() != null && occurrence.commit().author() != null || commit == null
                    ? occurrence.commit()
                    : commit;
            occurrences++;
            sourceEventIds.addAll(occurrence.sourceEventIds());
        }

        private Notification notification(Key key) {
            return new Notification(
                    key.occasion(),
                    key.app(),
                    key.revision(),
                    key.subject(),
                    correlationId,
                    firstSeen,
                    List.copyOf(objects.values()),
                    List.copyOf(changedBy),
                    outcome,
                    Collections.unmodifiableMap(new LinkedHashMap<>(facts)),
                    commit,
                    occurrences,
                    0,
                    List.copyOf(sourceEventIds));
        }

        private static String identity(ObjectLine line) {
            var object = line.object();
            return object.group() + "/" + object.kind() + "/" + object.namespace() + "/" + object.name();
        }
    }
}
