package dev.plumbline.cli.run;

import dev.plumbline.events.topic.BusAccess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Who each process of a run is on the Kafka bus. The run's environment names the broker
 * ({@code KAFKA_BOOTSTRAP_SERVERS}), the folder of every principal's client settings ({@value #CLIENTS_DIR}) and the
 * CLI's own ({@value #CLIENT_FILE}, {@code plumb.properties}); each service is given only its own file.
 */
final class BusCredentials {

    /** The folder holding {@code <principal>.properties} for every principal. */
    static final String CLIENTS_DIR = "PLUMBLINE_KAFKA_CLIENTS_DIR";
    /** The Kafka client settings of one process: the service's own, or the CLI's in the env file. */
    static final String CLIENT_FILE = "PLUMBLINE_KAFKA_CLIENT_PROPERTIES";

    private BusCredentials() {}

    /** The embedded broker at {@code bootstrapServers}, which wrote every principal's settings to {@code folder}. */
    static Map<String, String> embedded(String bootstrapServers, Path folder) {
        return withClients(bootstrapServers, folder);
    }

    /**
     * A broker of the user's: with {@code folder}, every principal's settings must be there; without it, the
     * services get no file and use the {@code KAFKA_*} variables of the environment they inherit.
     *
     * @throws ComponentFailedException naming the files that are missing
     */
    static Map<String, String> external(String bootstrapServers, Optional<Path> folder) {
        if (folder.isEmpty()) {
            return Map.of("KAFKA_BOOTSTRAP_SERVERS", bootstrapServers);
        }
        List<Path> missing = users().stream()
                .map(user -> file(folder.get(), user))
                .filter(file -> !Files.isRegularFile(file))
                .toList();
        if (!missing.isEmpty()) {
            throw new ComponentFailedException(CLIENTS_DIR + " names " + folder.get()
                    + ", which lacks the Kafka client settings " + missing
                    + ": give each principal its <principal>.properties there (see ./plumb up --help)");
        }
        return withClients(bootstrapServers, folder.get());
    }

    /** The client settings file of the service built in {@code module}, when the run has them. */
    static Optional<Path> clientFile(Map<String, String> run, String module) {
        return Optional.ofNullable(run.get(CLIENTS_DIR))
                .map(dir -> file(Path.of(dir), BusAccess.of(module).user()));
    }

    private static Map<String, String> withClients(String bootstrapServers, Path folder) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("KAFKA_BOOTSTRAP_SERVERS", bootstrapServers);
        env.put(CLIENTS_DIR, folder.toAbsolutePath().toString());
        env.put(CLIENT_FILE, file(folder, BusAccess.PLUMB).toAbsolutePath().toString());
        return env;
    }

    /** The principals a run starts: the five services and the CLI. */
    private static List<String> users() {
        return BusAccess.users().stream()
                .filter(user -> !user.equals(BusAccess.AUDIT_READER))
                .toList();
    }

    private static Path file(Path folder, String user) {
        return folder.resolve(user + ".properties");
    }
}
