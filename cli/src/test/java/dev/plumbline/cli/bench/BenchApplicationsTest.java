package dev.plumbline.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class BenchApplicationsTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /** The bench's Applications name no project, so the default project that every run installs must let them in. */
    @Test
    void theFleetDeploysWhereTheDefaultProjectLetsIt() throws Exception {
        JsonNode application = YAML.readTree(Bench.application("fleet-000", "http://git/bench.git", "fleet/fleet-000"));
        Path defaultProject = Path.of("..", "deploy", "base", "projects", "default.yaml");
        JsonNode project =
                YAML.readerFor(JsonNode.class).readValues(Files.readString(defaultProject)).readAll().stream()
                        .map(JsonNode.class::cast)
                        .filter(document -> document.path("kind").asText().equals("Project"))
                        .findFirst()
                        .orElseThrow();

        assertThat(application.path("spec").path("project").asText("default")).isEqualTo("default");
        assertThat(project.path("spec").path("destinations").findValuesAsText("namespace"))
                .contains(application
                        .path("spec")
                        .path("destination")
                        .path("namespace")
                        .asText());
    }
}
