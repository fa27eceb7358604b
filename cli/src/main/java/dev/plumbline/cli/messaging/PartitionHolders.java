package dev.plumbline.cli.messaging;

import dev.plumbline.events.topic.Topics;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.DescribeConsumerGroupsOptions;
import org.apache.kafka.clients.admin.DescribeTopicsOptions;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.utils.Utils;

/**
 * Which instance of a service holds an app, as the bus tells it: the app's key gives its partition (Kafka's default
 * partitioner: murmur2 of the key's bytes, made positive, modulo the partition count of {@code
 * plumbline.rendered-manifests}, which every per-app topic shares), and the member of the service's work-sharing
 * consumer group assigned that partition names its instance in its client id, {@code <channel>@<instance>}.
 * Every call to the broker is bounded; whatever the bus does not tell becomes an {@code unknown} with the reason.
 */
public final class PartitionHolders {

    /** How long one question to the broker may take; {@code plumb app get} asks two. */
    static final Duration BROKER_TIMEOUT = Duration.ofSeconds(5);

    /** The answer for one service: its instance, or why it is not known. */
    public record Holder(String service, String instance, String unknownReason) {

        static Holder known(String service, String instance) {
            return new Holder(service, instance, null);
        }

        static Holder unknown(String service, String reason) {
            return new Holder(service, null, reason);
        }

        /** {@code reconciler-2}, or {@code unknown (no member of plumbline-notifier holds partition 3)}. */
        public String describe() {
            return instance != null ? instance : "unknown (" + unknownReason + ")";
        }
    }

    /**
     * @param partition the app's partition, or -1 when it could not be learnt
     * @param holders   per service asked, in the order asked
     */
    public record Holders(int partition, int partitions, List<Holder> holders) {}

    private PartitionHolders() {}

    /**
     * @param kafkaSettings the broker's address and the CLI's credentials
     * @param groups        per service, its work-sharing consumer group, e.g. reconciler: plumbline-reconciler
     */
    public static Holders of(Map<String, Object> kafkaSettings, String app, Map<String, String> groups) {
        String bootstrap = String.valueOf(kafkaSettings.get(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG));
        if (!reachable(bootstrap)) {
            return allUnknown(groups, "Kafka at " + bootstrap + " does not answer");
        }
        Map<String, Object> settings = new HashMap<>(kafkaSettings);
        settings.put(AdminClientConfig.CLIENT_ID_CONFIG, "plumb-app-owner");
        settings.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) BROKER_TIMEOUT.toMillis());
        settings.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) BROKER_TIMEOUT.toMillis());
        try (Admin admin = Admin.create(settings)) {
            int partitions;
            try {
                partitions = admin.describeTopics(
                                List.of(Topics.RENDERED_MANIFESTS),
                                new DescribeTopicsOptions().timeoutMs((int) BROKER_TIMEOUT.toMillis()))
                        .allTopicNames()
                        .get(BROKER_TIMEOUT.toMillis() + 1000, TimeUnit.MILLISECONDS)
                        .get(Topics.RENDERED_MANIFESTS)
                        .partitions()
                        .size();
            } catch (ExecutionException | TimeoutException e) {
                return allUnknown(groups, topicProblem(e, bootstrap));
            }
            int partition = partitionOf(app, partitions);
            Map<String, ConsumerGroupDescription> described = new HashMap<>();
            Map<String, String> failures = new HashMap<>();
            admin.describeConsumerGroups(
                            List.copyOf(groups.values()),
                            new DescribeConsumerGroupsOptions().timeoutMs((int) BROKER_TIMEOUT.toMillis()))
                    .describedGroups()
                    .forEach((group, future) -> {
                        try {
                            described.put(group, future.get(BROKER_TIMEOUT.toMillis() + 1000, TimeUnit.MILLISECONDS));
                        } catch (ExecutionException | TimeoutException e) {
                            failures.put(group, groupProblem(e, group, bootstrap));
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            failures.put(group, "interrupted");
                        }
                    });
            List<Holder> holders = new ArrayList<>();
            groups.forEach((service, group) -> holders.add(
                    failures.containsKey(group)
                            ? Holder.unknown(service, failures.get(group))
                            : holderOf(service, described.get(group), partition)));
            return new Holders(partition, partitions, holders);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return allUnknown(groups, "interrupted");
        } catch (RuntimeException e) {
            // bad client settings (a truststore that cannot be read, an unknown mechanism): said, never thrown
            return allUnknown(groups, "cannot ask Kafka at " + bootstrap + ": " + e.getMessage());
        }
    }

    /** The partition Kafka's default partitioner gives a record keyed {@code app}. */
    public static int partitionOf(String app, int partitions) {
        return Utils.toPositive(Utils.murmur2(app.getBytes(StandardCharsets.UTF_8))) % partitions;
    }

    /**
     * The instance whose consumer holds {@code partition} of the group's topics. A service's topics are keyed by app
     * with equal partition counts, so one instance holds the app on each; should two hold it on different topics
     * (while a group settles), both are named with their topics.
     */
    static Holder holderOf(String service, ConsumerGroupDescription group, int partition) {
        Map<String, List<String>> topicsByInstance = new TreeMap<>();
        for (MemberDescription member : group.members()) {
            for (TopicPartition held : member.assignment().topicPartitions()) {
                if (held.partition() == partition) {
                    topicsByInstance
                            .computeIfAbsent(instanceOf(member.clientId()), instance -> new ArrayList<>())
                            .add(held.topic());
                }
            }
        }
        if (topicsByInstance.isEmpty()) {
            String state = group.groupState() == GroupState.STABLE
                    ? ""
                    : " (the group is "
                            + group.groupState().name().toLowerCase(Locale.ROOT).replace('_', ' ') + ")";
            return Holder.unknown(
                    service,
                    group.members().isEmpty()
                            ? "no instance is in " + group.groupId() + state
                            : "no member of " + group.groupId() + " holds partition " + partition + state);
        }
        if (topicsByInstance.size() == 1) {
            return Holder.known(service, topicsByInstance.keySet().iterator().next());
        }
        Map<String, String> named = new LinkedHashMap<>();
        topicsByInstance.forEach((instance, topics) ->
                named.put(instance, instance + " (" + String.join(", ", new TreeSet<>(topics)) + ")"));
        return Holder.known(service, String.join(", ", named.values()));
    }

    /** The part of {@code <channel>@<instance>} after the first {@code @}; a client id without one as it is. */
    static String instanceOf(String clientId) {
        int at = clientId.indexOf('@');
        return at < 0 ? clientId + " (its client id names no instance)" : clientId.substring(at + 1);
    }

    private static String topicProblem(Exception e, String bootstrap) {
        Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
        if (cause instanceof AuthorizationException) {
            return "these Kafka credentials may not describe " + Topics.RENDERED_MANIFESTS;
        }
        if (cause instanceof UnknownTopicOrPartitionException) {
            return Topics.RENDERED_MANIFESTS + " does not exist yet: is the renderer running?";
        }
        return answerProblem(cause, bootstrap);
    }

    private static String groupProblem(Exception e, String group, String bootstrap) {
        Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
        if (cause instanceof AuthorizationException) {
            return "these Kafka credentials may not describe the group " + group;
        }
        if (cause instanceof GroupIdNotFoundException) {
            return "no instance is in " + group;
        }
        return answerProblem(cause, bootstrap);
    }

    private static String answerProblem(Throwable cause, String bootstrap) {
        if (cause instanceof TimeoutException || cause instanceof org.apache.kafka.common.errors.TimeoutException) {
            return "Kafka at " + bootstrap + " did not answer within " + BROKER_TIMEOUT.toSeconds() + "s";
        }
        return "Kafka at " + bootstrap + " answered " + cause.getClass().getSimpleName()
                + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
    }

    /** Every service's holder unknown for one reason, such as the bus not being named at all. */
    public static Holders allUnknown(Map<String, String> groups, String reason) {
        List<Holder> holders = new ArrayList<>();
        groups.keySet().forEach(service -> holders.add(Holder.unknown(service, reason)));
        return new Holders(-1, 0, holders);
    }

    /** Whether a bootstrap server accepts a connection: a stopped broker is said at once, not after the timeouts. */
    private static boolean reachable(String bootstrapServers) {
        for (String server : bootstrapServers.split(",")) {
            String address = server.strip().replaceFirst("^[A-Za-z_]+://", "");
            int colon = address.lastIndexOf(':');
            if (colon < 0) {
                return true;
            }
            try (Socket socket = new Socket()) {
                socket.connect(
                        new InetSocketAddress(
                                address.substring(0, colon), Integer.parseInt(address.substring(colon + 1))),
                        (int) BROKER_TIMEOUT.toMillis());
                return true;
            } catch (IOException | IllegalArgumentException unreachable) {
                // the next server, if any
            }
        }
        return false;
    }
}
