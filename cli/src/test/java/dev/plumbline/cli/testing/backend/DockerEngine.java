package dev.plumbline.cli.testing.backend;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.testcontainers.DockerClientFactory;

/** Whether a Docker engine answers, as Testcontainers finds one, asked once and given a bounded time. */
final class DockerEngine {

    /** An engine that has not answered by then (a socket nobody serves, a remote host gone) counts as none. */
    static final Duration PATIENCE = Duration.ofSeconds(20);

    /** Testcontainers logs every place it looked, at ERROR, when it finds no engine: one line of ours says it. */
    private static final String QUIET_PROBE = "org.slf4j.simpleLogger.log.org.testcontainers.dockerclient";

    private DockerEngine() {}

    static boolean answers() {
        if (System.getProperty(QUIET_PROBE) == null) {
            System.setProperty(QUIET_PROBE, "off");
        }
        CompletableFuture<Boolean> probe = new CompletableFuture<>();
        Thread asking = new Thread(
                () -> {
                    try {
                        probe.complete(DockerClientFactory.instance().isDockerAvailable());
                    } catch (RuntimeException | LinkageError e) {
                        probe.completeExceptionally(e);
                    }
                },
                "docker-probe");
        asking.setDaemon(true);
        asking.start();
        try {
            return probe.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
