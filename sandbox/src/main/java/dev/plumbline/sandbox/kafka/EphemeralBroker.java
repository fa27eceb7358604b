package dev.plumbline.sandbox.kafka;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.apache.kafka.common.utils.Exit;
import org.apache.kafka.metadata.bootstrap.BootstrapMetadata;
import org.apache.kafka.server.common.Feature;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * A throw-away broker for tests: Kafka's own cluster test kit picks a temporary folder and free ports itself
 * (pre-binding them, so there is no race for a port), and deletes the folder on shutdown.
 */
final class EphemeralBroker implements RunningBroker {

    private static final System.Logger LOG = System.getLogger(EphemeralBroker.class.getName());

    private final KafkaClusterTestKit cluster;

    private EphemeralBroker(KafkaClusterTestKit cluster) {
        this.cluster = cluster;
    }

    static EphemeralBroker start() throws Exception {
        keepTheJvmAlive();
        TestKitNodes nodes = new TestKitNodes.Builder(productionBootstrapMetadata())
                .setCombined(true)
                .setNumBrokerNodes(1)
                .setNumControllerNodes(1)
                .build();
        // unstable versions off, as in a production broker
        KafkaClusterTestKit.Builder builder = new KafkaClusterTestKit.Builder(nodes)
                .setConfigProp("unstable.feature.versions.enable", "false")
                .setConfigProp("unstable.api.versions.enable", "false");
        SingleNodeBrokerSettings.settings().forEach(builder::setConfigProp);
        KafkaClusterTestKit cluster = builder.build();
        try {
            cluster.format();
            cluster.startup();
            cluster.waitForReadyBrokers();
        } catch (Exception | Error e) {
            cluster.close();
            throw e;
        }
        return new EphemeralBroker(cluster);
    }

    /**
     * Kafka ends the JVM on a fatal broker error: a halt when its log folders are gone, for one. This broker lives
     * inside a test JVM and its folder is deleted while that JVM exits, so a broker thread still running then would
     * end a test run that passed with a non-zero status. Its fatal errors are logged instead.
     */
    private static void keepTheJvmAlive() {
        Exit.setHaltProcedure((status, message) -> LOG.log(
                System.Logger.Level.WARNING,
                "the throw-away Kafka broker asked to halt the JVM (status {0}: {1}); it keeps running",
                status,
                message));
        Exit.setExitProcedure((status, message) -> LOG.log(
                System.Logger.Level.WARNING,
                "the throw-away Kafka broker asked to exit the JVM (status {0}: {1}); it keeps running",
                status,
                message));
    }

    /**
     * The test kit defaults to the newest, still unstable, metadata version and leaves the other features off;
     * tests should meet the broker that one-machine runs get, which Kafka's formatter gives these levels.
     */
    private static BootstrapMetadata productionBootstrapMetadata() {
        Map<String, Short> featureLevels = new HashMap<>();
        for (Feature feature : Feature.PRODUCTION_FEATURES) {
            // the KRaft version belongs to the quorum, not to the bootstrap metadata
            if (feature != Feature.KRAFT_VERSION) {
                featureLevels.put(feature.featureName(), feature.defaultLevel(MetadataVersion.LATEST_PRODUCTION));
            }
        }
        return BootstrapMetadata.fromVersions(MetadataVersion.LATEST_PRODUCTION, featureLevels, "plumbline sandbox");
    }

    @Override
    public String bootstrapServers() {
        return cluster.bootstrapServers();
    }

    @Override
    public void shutdown() throws Exception {
        cluster.close();
    }
}
