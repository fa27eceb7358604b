package dev.plumbline.sandbox.kube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class WatchTest {

    private static EmbeddedKubeApi api;
    private static KubeHttp http;

    @BeforeAll
    static void start() {
        api = new EmbeddedKubeApi().start();
        http = new KubeHttp(api);
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    /** Records "ACTION name" for every event, plus a value read from the object. */
    private static final class Recorder<T extends HasMetadata> implements Watcher<T> {
        final List<String> events = new CopyOnWriteArrayList<>();
        private final Function<T, String> value;

        Recorder(Function<T, String> value) {
            this.value = value;
        }

        @Override
        public void eventReceived(Action action, T resource) {
            events.add(action + " " + resource.getMetadata().getName() + " " + value.apply(resource));
        }

        @Override
        public void onClose(WatcherException cause) {
            // the test closes the watch itself
        }
    }

    @Test
    @SuppressWarnings("try") // the watch stays open while the body changes objects; only try closes it
    void aWatchSeesApplyMergePatchJsonPatchAndDeleteOfAConfigMap() {
        Recorder<ConfigMap> recorder =
                new Recorder<>(cm -> cm.getData() == null ? "-" : cm.getData().get("color"));
        String path = "/api/v1/namespaces/default/configmaps/watched";
        try (Watch ignored = api.client().configMaps().inNamespace("default").watch(recorder)) {
            http.apply(
                    path,
                    "plumbline",
                    false,
                    "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"watched\"},\"data\":{\"color\":\"blue\"}}");
            http.apply(
                    path,
                    "plumbline",
                    false,
                    "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"watched\"},\"data\":{\"color\":\"green\"}}");
            http.patch(
                    path + "?fieldManager=kubectl-edit",
                    "application/merge-patch+json",
                    "{\"data\":{\"color\":\"red\"}}");
            http.patch(
                    path,
                    "application/json-patch+json",
                    "[{\"op\":\"replace\",\"path\":\"/data/color\",\"value\":\"black\"}]");
            http.delete(path);

            await().atMost(Duration.ofSeconds(10))
                    .untilAsserted(() -> assertThat(recorder.events)
                            .containsExactly(
                                    "ADDED watched blue",
                                    "MODIFIED watched green",
                                    "MODIFIED watched red",
                                    "MODIFIED watched black",
                                    "DELETED watched black"));
        }
    }

    @Test
    @SuppressWarnings("try") // the watch stays open while the body changes objects; only try closes it
    void aWatchSeesAStrategicMergePatchOfADeployment() {
        Recorder<Deployment> recorder = new Recorder<>(
                d -> d.getSpec().getTemplate().getSpec().getContainers().get(0).getImage());
        try (Watch ignored =
                api.client().apps().deployments().inNamespace("default").watch(recorder)) {
            http.post("/apis/apps/v1/namespaces/default/deployments", """
                    {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"watched"},
                     "spec":{"template":{"spec":{"containers":[{"name":"app","image":"app:1"}]}}}}
                    """);
            http.patch(
                    "/apis/apps/v1/namespaces/default/deployments/watched",
                    "application/strategic-merge-patch+json",
                    "{\"spec\":{\"template\":{\"spec\":{\"containers\":[{\"name\":\"app\",\"image\":\"app:2\"}]}}}}");

            await().atMost(Duration.ofSeconds(10))
                    .untilAsserted(() -> assertThat(recorder.events)
                            .containsExactly("ADDED watched app:1", "MODIFIED watched app:2"));
        }
    }
}
