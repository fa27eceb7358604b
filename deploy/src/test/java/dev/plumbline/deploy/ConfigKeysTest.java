package dev.plumbline.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSpec;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every setting deploy/ and docker-compose.yml give a service is one that service reads. */
class ConfigKeysTest {

    private static final Pattern COMMENTED_SETTING = Pattern.compile("(?m)^#\\s+([a-z%][\\w.%\\-\"\\[\\]]*)=");

    @Test
    void theKeyCheckKnowsNestedGroupsMapsAndTheEnvironmentSpellingAndRefusesTypos() {
        ConfigKeys gitWatcher = ConfigKeys.of(PlumblineService.GIT_WATCHER.configMappings());

        assertThat(gitWatcher.knowsProperty("plumbline.topics.partitions")).isTrue();
        assertThat(gitWatcher.knowsEnvironment("PLUMBLINE_TOPICS_PARTITIONS")).isTrue();
        assertThat(gitWatcher.knowsProperty("plumbline.webhook.github.secret")).isTrue();
        assertThat(gitWatcher.knowsProperty("plumbline.credentials.my-org.password-file"))
                .isTrue();
        assertThat(gitWatcher.knowsEnvironment("PLUMBLINE_CREDENTIALS_MY_ORG_PASSWORD_FILE"))
                .isTrue();
        assertThat(gitWatcher.knowsProperty("%prod.plumbline.data-dir")).isTrue();
        assertThat(gitWatcher.knowsEnvironment("QUARKUS_HTTP_PORT")).isTrue();
        assertThat(gitWatcher.knowsEnvironment("KAFKA_BOOTSTRAP_SERVERS")).isTrue();

        assertThat(gitWatcher.knowsProperty("plumbline.webhook.secrets")).isFalse();
        assertThat(gitWatcher.knowsProperty("plumbline.credentials.my-org.passwordfile"))
                .isFalse();
        assertThat(gitWatcher.knowsEnvironment("PLUMBLINE_POLL_INTERVALL")).isFalse();
        assertThat(gitWatcher.knowsEnvironment("PLUMBLINE_SLACK_WEBHOOK_URL_TYPO"))
                .isFalse();
        assertThat(gitWatcher.knowsEnvironment("HTTP_PORT")).isFalse();
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void everySettingAnOverlayGivesAServiceExistsInThatService(Overlay overlay) {
        List<String> unknown = new ArrayList<>();
        for (PlumblineService service : PlumblineService.values()) {
            ConfigKeys keys = ConfigKeys.of(service.configMappings());
            PodSpec pod = OverlaysTest.deployment(overlay, service)
                    .getSpec()
                    .getTemplate()
                    .getSpec();
            for (Container container : pod.getContainers()) {
                container.getEnv().stream()
                        .map(env -> env.getName())
                        .filter(name -> !keys.knowsEnvironment(name))
                        .forEach(name -> unknown.add(service + ": environment " + name));
                container
                        .getEnvFrom()
                        .forEach(source ->
                                configMap(overlay, source.getConfigMapRef().getName()).getData().keySet().stream()
                                        .filter(name -> !keys.knowsEnvironment(name))
                                        .forEach(name -> unknown.add(service + ": "
                                                + source.getConfigMapRef().getName() + " " + name)));
            }
            pod.getVolumes().stream()
                    .filter(volume -> volume.getConfigMap() != null)
                    .forEach(volume -> {
                        ConfigMap map = configMap(overlay, volume.getConfigMap().getName());
                        map.getData().forEach((file, text) -> {
                            if (file.endsWith(".properties")) {
                                settingsIn(text).stream()
                                        .filter(name -> !keys.knowsProperty(name))
                                        .forEach(name -> unknown.add(service + ": " + file + " " + name));
                            }
                        });
                    });
        }
        assertThat(unknown)
                .as("settings no service reads (check the @ConfigMapping and docs/<service>.md)")
                .isEmpty();
    }

    @Test
    void everySettingDockerComposeGivesAServiceExistsInThatService() {
        JsonNode services = ComposeTest.compose().path("services");
        List<String> unknown = new ArrayList<>();
        for (PlumblineService service : PlumblineService.values()) {
            ConfigKeys keys = ConfigKeys.of(service.configMappings());
            ComposeTest.environment(services.path(service.id())).keySet().stream()
                    .filter(name -> !keys.knowsEnvironment(name))
                    .forEach(name -> unknown.add(service + ": " + name));
        }
        assertThat(unknown).as("settings no service reads").isEmpty();
    }

    @ParameterizedTest
    @EnumSource(
            value = PlumblineService.class,
            names = {"GIT_WATCHER", "IMAGE_UPDATER"})
    void theSettingsShownAsExamplesInCommentsExistToo(PlumblineService service) {
        ConfigKeys keys = ConfigKeys.of(service.configMappings());
        Matcher examples =
                COMMENTED_SETTING.matcher(Repo.read("deploy/base/" + service.id() + "/application.properties"));
        List<String> found = new ArrayList<>();
        while (examples.find()) {
            found.add(examples.group(1));
        }
        assertThat(found).isNotEmpty().allMatch(keys::knowsProperty, "a " + service + " setting");
    }

    private static ConfigMap configMap(Overlay overlay, String name) {
        return overlay.render().typed("ConfigMap", name, ConfigMap.class);
    }

    private static List<String> settingsIn(String propertiesText) {
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(propertiesText));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties.stringPropertyNames().stream().sorted().toList();
    }
}
