package dev.plumbline.cli.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceProcessTest {

    @TempDir
    Path kafka;

    @Test
    void aOneMachineRunHasEveryServiceCreateItsTopicsWithOneReplicaForItsSingleBroker() {
        Map<String, String> run = new HashMap<>(BusCredentials.embedded("127.0.0.1:9092", kafka));
        run.put("GIT_SERVER_URL", "http://127.0.0.1:1/git");
        run.put("GIT_USERNAME", "plumbline");
        run.put("GIT_PASSWORD", "secret");

        for (ServiceProcess service : ServiceProcess.values()) {
            assertThat(service.environment(run, 8081, kafka))
                    .as(service.module)
                    .containsEntry("PLUMBLINE_TOPICS_REPLICATION_FACTOR", "1")
                    .containsEntry("PLUMBLINE_TOPICS_MIN_INSYNC_REPLICAS", "1");
        }
    }
}
