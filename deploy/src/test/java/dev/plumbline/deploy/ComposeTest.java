package dev.plumbline.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/** docker-compose.yml runs Kafka and the six services from their images, as the services expect. */
class ComposeTest {

    static JsonNode compose() {
        try {
            return Manifests.YAML.readTree(Repo.read("docker-compose.yml"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A compose service's environment, written as a map or as a list of NAME=value. */
    static Map<String, String> environment(JsonNode service) {
        Map<String, String> environment = new LinkedHashMap<>();
        JsonNode node = service.path("environment");
        if (node.isArray()) {
            node.forEach(entry -> {
                String[] pair = entry.asText().split("=", 2);
                environment.put(pair[0], pair.length > 1 ? pair[1] : "");
            });
        } else {
            node.properties()
                    .forEach(entry ->
                            environment.put(entry.getKey(), entry.getValue().asText()));
        }
        return environment;
    }

    @Test
    void runsKafkaItsTwoSetupStepsAndTheSixServicesAndNothingElse() {
        List<String> names = StreamSupport.stream(
                        ((Iterable<String>) () -> compose().path("services").fieldNames()).spliterator(), false)
                .toList();

        assertThat(names)
                .containsExactlyInAnyOrder(
                        "kafka-setup",
                        "kafka",
                        "kafka-acls",
                        "git-watcher",
                        "renderer",
                        "reconciler",
                        "drift-auditor",
                        "notifier",
                        "image-updater");
    }

    @Test
    void kafkaIsTheOfficialKraftImageOfTheKafkaVersionTheServicesUse() {
        JsonNode services = compose().path("services");
        for (String name : List.of("kafka-setup", "kafka", "kafka-acls")) {
            assertThat(services.path(name).path("image").asText())
                    .as(name)
                    .isEqualTo("apache/kafka:" + Repo.parentPomProperty("kafka.version"));
        }
        JsonNode kafka = services.path("kafka");

        assertThat(ComposeBusTest.brokerSettings())
                .containsEntry("process.roles", "broker,controller")
                .containsKey("controller.quorum.voters");
        assertThat(kafka.path("healthcheck").path("test").toString()).contains("kafka-broker-api-versions");
    }

    @Test
    void everyServiceRunsItsImageOnItsPortAndIsHealthyOnlyWhenReady() {
        JsonNode services = compose().path("services");
        for (PlumblineService service : PlumblineService.values()) {
            JsonNode compose = services.path(service.id());
            String port = String.valueOf(service.port());

            assertThat(compose.path("image").asText()).as(service.id()).isEqualTo(service.image());
            assertThat(compose.path("ports")).as(service.id()).hasSize(1);
            assertThat(compose.path("ports").get(0).asText()).as(service.id()).isEqualTo(port + ":" + port);
            assertThat(environment(compose))
                    .as(service.id())
                    .containsEntry("QUARKUS_HTTP_PORT", port)
                    .containsEntry("KAFKA_BOOTSTRAP_SERVERS", "kafka:9092");
            assertThat(compose.path("healthcheck").path("test").toString())
                    .as(service.id())
                    .contains("http://localhost:" + port + "/q/health/ready");
            assertThat(compose.path("depends_on")
                            .path("kafka")
                            .path("condition")
                            .asText())
                    .as(service.id())
                    .isEqualTo("service_healthy");
            assertThat(service.port()).isEqualTo(service.portInApplicationProperties());
        }
    }

    @Test
    void onItsSingleBrokerEveryServiceCreatesTopicsWithOneReplicaAndOneInSync() {
        JsonNode services = compose().path("services");
        for (PlumblineService service : PlumblineService.values()) {
            assertThat(environment(services.path(service.id())))
                    .as(service.id())
                    .containsEntry("PLUMBLINE_TOPICS_REPLICATION_FACTOR", "1")
                    .containsEntry("PLUMBLINE_TOPICS_MIN_INSYNC_REPLICAS", "1");
        }
    }

    @Test
    void theRendererDownloadsArtifactsFromGitWatcherByItsComposeName() {
        Map<String, String> gitWatcher = environment(compose().path("services").path("git-watcher"));

        assertThat(gitWatcher)
                .containsEntry(
                        "PLUMBLINE_ARTIFACTS_BASE_URL", "http://git-watcher:" + PlumblineService.GIT_WATCHER.port());
        assertThat(compose()
                        .path("services")
                        .path("renderer")
                        .path("depends_on")
                        .has("git-watcher"))
                .isTrue();
    }

    @Test
    void secretsComeFromTheEnvironmentOfWhoeverRunsComposeNeverFromTheFile() {
        JsonNode services = compose().path("services");
        for (String service : (Iterable<String>) services::fieldNames) {
            environment(services.path(service)).forEach((name, value) -> {
                if (name.matches(".*(SECRET|PASSWORD|TOKEN|WEBHOOK_URL).*")) {
                    assertThat(value).as(service + ": " + name).matches("\\$\\{" + name + "(:[-?][^}]*)?}");
                }
            });
        }
    }
}
