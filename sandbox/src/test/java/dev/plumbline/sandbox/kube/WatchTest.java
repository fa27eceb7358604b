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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class WatchTest {

    @RegisterExtension
    static final RunningKubeApi kube = new RunningKubeApi();

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
        try (Watch ignored =
                kube.api().client().configMaps().inNamespace("default").watch(recorder)) {
            kube.http()
                    .apply(
                            path,
                            "plumbline",
                            false,
                            "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"watched\"},\"data\":{\"color\":\"blue\"}}");
            kube.http()
                    .apply(
                            path,
                            "plumbline",
                            false,
                            "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"watched\"},\"data\":{\"color\":\"green\"}}");
            kube.http()
                    .patch(
                            path + "?fieldManager=kubectl-edit",
                            "application/merge-patch+json",
                            "{\"data\":{\"color\":\"red\"}}");
            kube.http()
                    .patch(
                            path,
                            "application/json-patch+json",
                            "[{\"op\":\"replace\",\"path\":\"/data/color\",\"value\":\"black\"}]");
            kube.http().delete(path);

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
                kube.api().client().apps().deployments().inNamespace("default").watch(recorder)) {
            kube.http().post("/apis/apps/v1/namespaces/default/deployments", """
                    {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"watched"},
                     "spec":{"template":{"spec":{"containers":[{"name":"app","image":"app:1"}]}}}}
                    """);
            kube.http()
                    .patch(
                            "/apis/apps/v1/namespaces/default/deployments/watched",
                            "application/strategic-merge-patch+json",
                            "{\"spec\":{\"template\":{\"spec\":{\"containers\":[{\"name\":\"app\",\"image\":\"app:2\"}]}}}}");

            await().atMost(Duration.ofSeconds(10))
                    .untilAsserted(() -> assertThat(recorder.events)
                            .containsExactly("ADDED watched app:1", "MODIFIED watched app:2"));
        }
    }
}
