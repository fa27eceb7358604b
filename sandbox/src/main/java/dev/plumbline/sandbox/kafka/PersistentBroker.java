package dev.plumbline.sandbox.kafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.utils.Time;

/**
 * A broker whose data lives in a given folder and that listens on a given port, so that a one-machine run keeps
 * its topics, records and committed offsets from one start to the next.
 */
final class PersistentBroker implements RunningBroker {

    static final String HOST = "127.0.0.1";
    private static final int NODE_ID = 1;
    private static final String CONTROLLER_LISTENER = "CONTROLLER";

    private final KafkaRaftServer server;
    private final int port;

    private PersistentBroker(KafkaRaftServer server, int port) {
        this.server = server;
        this.port = port;
    }

    static PersistentBroker start(Path dataDir, int port) throws Exception {
        Path folder = dataDir.toAbsolutePath().normalize();
        KafkaConfig config = new KafkaConfig(brokerConfig(folder, port), false);
        BrokerStorage.formatOnce(folder, NODE_ID, CONTROLLER_LISTENER);
        KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
        try {
            // returns once the broker is registered, unfenced and has its metadata: ready for clients
            server.startup();
        } catch (RuntimeException | Error e) {
            server.shutdown();
            server.awaitShutdown();
            throw e;
        }
        return new PersistentBroker(server, port);
    }

    private static Map<String, String> brokerConfig(Path folder, int port) {
        // The controller listens on a port of its own; with a static voter set that port is not stored in the
        // data folder, so a fresh free port on every start is fine and keeps the one port users see predictable.
        int controllerPort = freePort();
        Map<String, String> config = new HashMap<>(SingleNodeBrokerSettings.settings());
        config.put("process.roles", "broker,controller");
        config.put("node.id", Integer.toString(NODE_ID));
        config.put("controller.quorum.voters", NODE_ID + "@" + HOST + ":" + controllerPort);
        config.put(
                "listeners",
                "PLAINTEXT://" + HOST + ":" + port + "," + CONTROLLER_LISTENER + "://" + HOST + ":" + controllerPort);
        config.put("advertised.listeners", "PLAINTEXT://" + HOST + ":" + port);
        config.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
        config.put("controller.listener.names", CONTROLLER_LISTENER);
        config.put("inter.broker.listener.name", "PLAINTEXT");
        config.put("log.dirs", folder.toString());
        return config;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port for the Kafka controller listener", e);
        }
    }

    @Override
    public String bootstrapServers() {
        return HOST + ":" + port;
    }

    @Override
    public void shutdown() {
        server.shutdown();
        server.awaitShutdown();
    }
}
