package dev.plumbline.sandbox.kafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
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
    static final String CONTROLLER_LISTENER = "CONTROLLER";

    private final KafkaRaftServer server;
    private final int port;

    private PersistentBroker(KafkaRaftServer server, int port) {
        this.server = server;
        this.port = port;
    }

    /**
     * Starts the broker; with a {@code securedFolder}, in the secured mode of {@link SecuredBus}, whose client
     * settings are written there once every principal can connect.
     */
    static PersistentBroker start(Path dataDir, int port, Optional<Path> securedFolder) throws Exception {
        Path folder = dataDir.toAbsolutePath().normalize();
        Optional<SecuredBus> secured =
                securedFolder.isPresent() ? Optional.of(SecuredBus.prepare(securedFolder.get())) : Optional.empty();
        // The controller (and a secured broker's internal listener) listen on ports of their own; with a static
        // voter set no port is stored in the data folder, so fresh free ports on every start are fine and keep the
        // one port users see predictable.
        int controllerPort = freePort();
        int internalPort = freePort();
        Map<String, String> settings = brokerConfig(folder, controllerPort);
        settings.putAll(secured.map(bus -> bus.brokerSettings(HOST, port, internalPort, controllerPort))
                .orElseGet(() -> plaintextListeners(port, controllerPort)));
        KafkaConfig config = new KafkaConfig(settings, false);
        BrokerStorage.formatOnce(folder, NODE_ID, CONTROLLER_LISTENER);
        KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
        try {
            // returns once the broker is registered, unfenced and has its metadata: ready for clients
            server.startup();
            if (secured.isPresent()) {
                SecuredBus bus = secured.get();
                String clients = HOST + ":" + port;
                BusAuthorization.apply(
                        bus.brokerClientSettings(HOST + ":" + internalPort),
                        bus.passwords(),
                        new HashMap<>(bus.clientSettings(
                                clients, bus.passwords().keySet().iterator().next())));
                bus.writeClientFiles(clients);
            }
        } catch (Exception | Error e) {
            server.shutdown();
            server.awaitShutdown();
            throw e;
        }
        return new PersistentBroker(server, port);
    }

    private static Map<String, String> brokerConfig(Path folder, int controllerPort) {
        Map<String, String> config = new HashMap<>(SingleNodeBrokerSettings.settings());
        config.put("process.roles", "broker,controller");
        config.put("node.id", Integer.toString(NODE_ID));
        config.put("controller.quorum.voters", NODE_ID + "@" + HOST + ":" + controllerPort);
        config.put("controller.listener.names", CONTROLLER_LISTENER);
        config.put("log.dirs", folder.toString());
        return config;
    }

    private static Map<String, String> plaintextListeners(int port, int controllerPort) {
        return Map.of(
                "listeners",
                "PLAINTEXT://" + HOST + ":" + port + "," + CONTROLLER_LISTENER + "://" + HOST + ":" + controllerPort,
                "advertised.listeners",
                "PLAINTEXT://" + HOST + ":" + port,
                "listener.security.protocol.map",
                "PLAINTEXT:PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT",
                "inter.broker.listener.name",
                "PLAINTEXT");
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
