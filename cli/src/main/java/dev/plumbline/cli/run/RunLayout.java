package dev.plumbline.cli.run;

import java.nio.file.Path;
import java.util.List;

/**
 * Where a one-machine run keeps its things, all under {@code .plumbline/run} of the Plumbline checkout:
 * logs, the env file, the process list of a detached run and the sandbox's data.
 */
public record RunLayout(Path home, Path runDir) {

    public static RunLayout under(Path home) {
        return new RunLayout(home, home.resolve(".plumbline").resolve("run"));
    }

    public Path logs() {
        return runDir.resolve("logs");
    }

    public Path log(String component) {
        return logs().resolve(component + ".log");
    }

    public Path envFile() {
        return runDir.resolve("env");
    }

    /** The processes of a detached run, one {@code pid start-time-millis name} per line, read by {@code plumb down}. */
    public Path processesFile() {
        return runDir.resolve("processes");
    }

    /** The embedded broker's topics and metadata. */
    public Path kafkaData() {
        return runDir.resolve("kafka-data");
    }

    /**
     * The embedded broker's TLS certificate and, for each principal of the bus, its Kafka client settings as
     * {@code <principal>.properties}: readable by their owner only.
     */
    public Path kafkaClients() {
        return runDir.resolve("kafka");
    }

    /** The services' Ed25519 signing keys, kept across runs as the broker's data is. */
    public Path signingKeys() {
        return runDir.resolve("keys");
    }

    public Path gitRoot() {
        return runDir.resolve("git");
    }

    /** The sandbox registry's images, kept across runs as the broker's data is. */
    public Path registryDir() {
        return runDir.resolve("registry");
    }

    public Path kubeconfig() {
        return runDir.resolve("kubeconfig");
    }

    public Path sandboxJar() {
        return home.resolve("sandbox").resolve("target").resolve("plumbline-sandbox.jar");
    }

    /** The Application CRD, generated from the reconciler's model and kept in the source tree. */
    public Path applicationCrd() {
        return home.resolve("reconciler")
                .resolve("src")
                .resolve("main")
                .resolve("kubernetes")
                .resolve("applications.plumbline.dev-v1.yml");
    }

    /** The Project CRD, generated like the Application's. */
    public Path projectCrd() {
        return home.resolve("reconciler")
                .resolve("src")
                .resolve("main")
                .resolve("kubernetes")
                .resolve("projects.plumbline.dev-v1.yml");
    }

    /** What deploy/ installs with every Plumbline: the deployer roles and the default project. */
    public List<Path> defaultProject() {
        Path projects = home.resolve("deploy").resolve("base").resolve("projects");
        return List.of(projects.resolve("roles.yaml"), projects.resolve("default.yaml"));
    }

    public Path serviceJar(String service) {
        return home.resolve(service).resolve("target").resolve("quarkus-app").resolve("quarkus-run.jar");
    }
}
