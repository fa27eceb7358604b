package dev.plumbline.events.kafka;

import dev.plumbline.events.topic.TopicReplication;
import dev.plumbline.events.topic.TopicSpec;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Makes the broker's topics match their specs at a service's start-up: creates the missing ones, sets configs that
 * differ (say a {@code cleanup.policy} of {@code delete} where {@code compact} is wanted), and only warns about a
 * partition count that differs, because adding partitions moves keys to other partitions and breaks per-app
 * ordering, and Kafka cannot remove them: that is a person's decision. The same for replicas: a topic is created with
 * the configured replication, and one that has fewer replicas is warned about, not changed (moving replicas is a
 * reassignment an operator plans). Safe to run again and from several services at once.
 */
public final class TopicProvisioner {

    private static final System.Logger LOG = System.getLogger(TopicProvisioner.class.getName());

    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    private final Duration timeout;
    private final Optional<TopicReplication> replication;

    /** Creates topics with the broker's default replication, as tests against one embedded broker want. */
    public TopicProvisioner() {
        this(DEFAULT_TIMEOUT, Optional.empty());
    }

    /** Creates topics with {@code replication}, as a service does. */
    public TopicProvisioner(TopicReplication replication) {
        this(DEFAULT_TIMEOUT, Optional.of(replication));
    }

    /**
     * @param timeout     how long to wait for each admin request
     * @param replication the replication of the topics it creates; empty: the broker's default
     */
    public TopicProvisioner(Duration timeout, Optional<TopicReplication> replication) {
        this.timeout = timeout;
        this.replication = replication;
    }

    public ProvisioningResult ensure(Admin admin, Collection<TopicSpec> specs) {
        Set<String> present = await(admin.listTopics().names(), "list topics");
        List<String> created = new ArrayList<>();
        List<TopicSpec> existing = new ArrayList<>();
        for (TopicSpec spec : specs) {
            if (present.contains(spec.name())) {
                existing.add(spec);
            } else if (create(admin, spec)) {
                created.add(spec.name());
            } else {
                existing.add(spec); // another instance created it between our list and our create
            }
        }
        List<String> corrected = new ArrayList<>();
        List<String> unchanged = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        for (TopicSpec spec : existing) {
            warnings.addAll(layoutWarnings(admin, spec));
            if (correctConfigs(admin, spec)) {
                corrected.add(spec.name());
            } else {
                unchanged.add(spec.name());
            }
        }
        warnings.forEach(warning -> LOG.log(Level.WARNING, warning));
        return new ProvisioningResult(created, corrected, unchanged, warnings);
    }

    /** @return false when the topic already existed */
    private boolean create(Admin admin, TopicSpec spec) {
        NewTopic topic = newTopic(spec);
        try {
            await(admin.createTopics(List.of(topic)).all(), "create topic " + spec.name());
            LOG.log(
                    Level.INFO,
                    "created topic {0} with {1} partitions and {2}",
                    spec.name(),
                    spec.partitions(),
                    spec.topicConfigs());
            return true;
        } catch (TopicProvisioningException e) {
            if (e.getCause() instanceof TopicExistsException) {
                return false;
            }
            throw e;
        }
    }

    /** The topic as this provisioner creates it: its spec's partitions and configs, and the replication. */
    public NewTopic newTopic(TopicSpec spec) {
        Map<String, String> configs = new HashMap<>(spec.topicConfigs());
        replication.ifPresent(wanted ->
                configs.put(TopicReplication.MIN_INSYNC_REPLICAS_CONFIG, String.valueOf(wanted.minInsyncReplicas())));
        return new NewTopic(
                        spec.name(), Optional.of(spec.partitions()), replication.map(wanted -> (short) wanted.factor()))
                .configs(configs);
    }

    /** Partitions and replicas that differ from the configured ones, for a person to decide about. */
    private List<String> layoutWarnings(Admin admin, TopicSpec spec) {
        TopicDescription description = await(
                        admin.describeTopics(List.of(spec.name())).allTopicNames(), "describe topic " + spec.name())
                .get(spec.name());
        List<String> warnings = new ArrayList<>();
        int actual = description.partitions().size();
        if (actual != spec.partitions()) {
            warnings.add("topic " + spec.name() + " has " + actual + " partitions where " + spec.partitions()
                    + " are configured; left as it is, because changing partitions reorders keys: change it by hand"
                    + " (kafka-topics --alter) or configure " + actual + " partitions");
        }
        int replicas = description.partitions().stream()
                .mapToInt(partition -> partition.replicas().size())
                .min()
                .orElse(0);
        replication
                .filter(wanted -> replicas < wanted.factor())
                .ifPresent(wanted -> warnings.add("topic "
                        + spec.name() + " has " + replicas + " replicas where " + wanted.factor() + " are configured"
                        + " (plumbline.topics.replication-factor): losing one broker can lose or refuse its writes; left as"
                        + " it is: add replicas with kafka-reassign-partitions, or configure " + replicas));
        return warnings;
    }

    /** @return whether a config had to be set */
    private boolean correctConfigs(Admin admin, TopicSpec spec) {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, spec.name());
        Config actual = await(admin.describeConfigs(List.of(resource)).all(), "describe configs of " + spec.name())
                .get(resource);
        Map<String, String> wrong = new HashMap<>();
        spec.topicConfigs().forEach((key, wanted) -> {
            ConfigEntry entry = actual == null ? null : actual.get(key);
            if (entry == null || !wanted.equals(entry.value())) {
                wrong.put(key, wanted);
            }
        });
        if (wrong.isEmpty()) {
            return false;
        }
        List<AlterConfigOp> ops = wrong.entrySet().stream()
                .map(e -> new AlterConfigOp(new ConfigEntry(e.getKey(), e.getValue()), AlterConfigOp.OpType.SET))
                .toList();
        await(admin.incrementalAlterConfigs(Map.of(resource, ops)).all(), "set configs of " + spec.name());
        LOG.log(Level.WARNING, "topic {0} had configs other than its spec; set {1}", spec.name(), wrong);
        return true;
    }

    private <T> T await(Future<T> future, String what) {
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new TopicProvisioningException(
                    "could not " + what + ": " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new TopicProvisioningException("could not " + what + " within " + timeout, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TopicProvisioningException("interrupted while trying to " + what, e);
        }
    }
}
