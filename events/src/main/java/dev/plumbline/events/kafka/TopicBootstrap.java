package dev.plumbline.events.kafka;

import dev.plumbline.events.PlumblineService;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * Provisions the topics a service writes, in the background and until it succeeds: a service starts (and reports
 * not ready) while Kafka is still unreachable, instead of failing to start.
 */
public final class TopicBootstrap implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(TopicBootstrap.class.getName());
    private static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    private static final Duration LONGEST_RETRY = Duration.ofSeconds(30);

    private final Map<String, Object> adminSettings;
    private final PlumblineService service;
    private final int partitions;
    private final TopicProvisioner provisioner;
    private final ScheduledExecutorService executor;
    private volatile boolean done;

    private TopicBootstrap(
            Map<String, Object> adminSettings, PlumblineService service, int partitions, TopicProvisioner provisioner) {
        this.adminSettings = adminSettings;
        this.service = service;
        this.partitions = partitions;
        this.provisioner = provisioner;
        this.executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "plumbline-topic-bootstrap");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Starts provisioning the topics {@code service} writes.
     *
     * @param kafkaSettings the Kafka client settings of the service; only those an admin client knows are used
     * @param provisioner   how the topics are created (their replication) and checked
     */
    public static TopicBootstrap start(
            Map<String, Object> kafkaSettings, PlumblineService service, int partitions, TopicProvisioner provisioner) {
        TopicBootstrap bootstrap = new TopicBootstrap(adminSettingsOf(kafkaSettings), service, partitions, provisioner);
        bootstrap.executor.execute(() -> bootstrap.attempt(FIRST_RETRY));
        return bootstrap;
    }

    /** Whether every topic the service writes exists with its configuration. */
    public boolean done() {
        return done;
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }

    private void attempt(Duration nextRetry) {
        try (Admin admin = Admin.create(adminSettings)) {
            ProvisioningResult result = provisioner.ensure(admin, service.ownedTopics(partitions));
            done = true;
            LOG.log(Level.INFO, "{0} topics ready: {1}", service.source(), result);
        } catch (RuntimeException failure) {
            LOG.log(
                    Level.WARNING,
                    "cannot provision the topics of {0} yet ({1}); trying again in {2} s",
                    service.source(),
                    reasons(failure),
                    nextRetry.toSeconds());
            Duration after =
                    nextRetry.multipliedBy(2).compareTo(LONGEST_RETRY) > 0 ? LONGEST_RETRY : nextRetry.multipliedBy(2);
            executor.schedule(() -> attempt(after), nextRetry.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** Kafka wraps the telling reason (a bad setting, an unreachable host) in generic ones: name them all. */
    private static String reasons(Throwable failure) {
        StringBuilder reasons = new StringBuilder(String.valueOf(failure.getMessage()));
        for (Throwable cause = failure.getCause(); cause != null; cause = cause.getCause()) {
            reasons.append(": ").append(cause.getMessage());
        }
        return reasons.toString();
    }

    private static Map<String, Object> adminSettingsOf(Map<String, Object> kafkaSettings) {
        Map<String, Object> admin = new HashMap<>();
        kafkaSettings.forEach((key, value) -> {
            if (AdminClientConfig.configNames().contains(key)) {
                admin.put(key, value);
            }
        });
        admin.putIfAbsent(AdminClientConfig.CLIENT_ID_CONFIG, "plumbline-topic-bootstrap");
        return admin;
    }
}
