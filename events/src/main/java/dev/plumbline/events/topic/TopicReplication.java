package dev.plumbline.events.topic;

/**
 * How many copies of each partition a topic is created with, and how many of them must have a write before a
 * producer with {@code acks=all} is told it is written. Three and two survive one broker lost without losing a
 * write or refusing one; a single broker needs one and one.
 *
 * @param factor            replicas of each partition
 * @param minInsyncReplicas the topic's {@code min.insync.replicas}, at most {@code factor}
 */
public record TopicReplication(int factor, int minInsyncReplicas) {

    public static final String MIN_INSYNC_REPLICAS_CONFIG = "min.insync.replicas";

    public TopicReplication {
        if (factor < 1 || factor > Short.MAX_VALUE) {
            throw new IllegalArgumentException("a replication factor is at least 1; got " + factor);
        }
        if (minInsyncReplicas < 1 || minInsyncReplicas > factor) {
            throw new IllegalArgumentException("min.insync.replicas is between 1 and the replication factor (" + factor
                    + "), or no write could ever be acknowledged; got " + minInsyncReplicas);
        }
    }
}
