package dev.plumbline.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;

class DemoSetupTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @Test
    void theHelmAppNamesItsValueFileUnderItsSource() throws Exception {
        JsonNode application = YAML.readTree(DemoSetup.application(DemoSetup.DemoApp.CACHE, "http://git/demo.git"));

        assertThat(application.at("/spec/source/path").asText()).isEqualTo("charts/cache");
        assertThat(application.at("/spec/source/helm/valueFiles/0").asText()).isEqualTo("values-production.yaml");
        assertThat(application.at("/spec/destination/namespace").asText()).isEqualTo("demo");
        assertThat(application.at("/spec/syncPolicy/automated/selfHeal").asBoolean())
                .isTrue();
    }

    @Test
    void theKustomizeAppFollowsTheProductionOverlay() throws Exception {
        JsonNode application = YAML.readTree(DemoSetup.application(DemoSetup.DemoApp.API, "http://git/demo.git"));

        assertThat(application.at("/spec/source/path").asText()).isEqualTo("apps/api/overlays/production");
        assertThat(application.at("/spec/source/repoURL").asText()).isEqualTo("http://git/demo.git");
        assertThat(application.at("/spec/source/helm").isMissingNode()).isTrue();
    }

    @Test
    void thePromotionGivesWebAnImagePolicyAndKeepsItsSource() throws Exception {
        JsonNode application =
                YAML.readTree(PromotionStory.webWithImagePolicy("http://git/demo.git", "127.0.0.1:5000/demo/web"));

        assertThat(application.at("/spec/images/0/repository").asText()).isEqualTo("127.0.0.1:5000/demo/web");
        assertThat(application.at("/spec/images/0/semver").asText()).isEqualTo("~1.2");
        assertThat(application.at("/spec/source/path").asText()).isEqualTo("apps/web");
        assertThat(application.at("/spec/syncPolicy/automated/prune").asBoolean())
                .isTrue();
    }
}
