package dev.plumbline.sandbox.kube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What {@code GET /sandbox/traffic} tells: requests by method, in flight, and the server-side applies. */
class KubeApiTrafficTest {

    private static final String SETTINGS = "/api/v1/namespaces/default/configmaps/settings";

    private final HttpClient http = HttpClient.newHttpClient();
    private EmbeddedKubeApi api;
    private KubeApiControl control;

    @BeforeEach
    void start() {
        api = new EmbeddedKubeApi().start();
        control = new KubeApiControl(URI.create(api.url()));
    }

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void theSameApplyTwiceIsOneUnchangedApplyNamingObjectManagerAndInstance() throws Exception {
        assertThat(apply("reconciler-1", "blue", "").statusCode()).isEqualTo(201);
        assertThat(apply("reconciler-2", "blue", "").statusCode()).isEqualTo(200);

        TrafficSnapshot traffic = control.traffic();

        assertThat(traffic.applies()).isEqualTo(2);
        assertThat(traffic.appliesByInstance()).isEqualTo(Map.of("reconciler-1", 1L, "reconciler-2", 1L));
        assertThat(traffic.unchangedAppliesTotal()).isEqualTo(1);
        assertThat(traffic.unchangedApplies())
                .containsExactly(new TrafficSnapshot.UnchangedApply(
                        2, "", "v1", "ConfigMap", "default", "settings", "plumbline", "reconciler-2"));
        assertThat(traffic.count("PATCH")).isEqualTo(2);
    }

    @Test
    void appliesThatChangeTheObjectAreNoneUnchanged() throws Exception {
        apply("reconciler-1", "blue", "");
        apply("reconciler-1", "green", "");
        apply("reconciler-1", "blue", "");

        TrafficSnapshot traffic = control.traffic();

        assertThat(traffic.applies()).isEqualTo(3);
        assertThat(traffic.unchangedApplies()).isEmpty();
        assertThat(traffic.unchangedAppliesTotal()).isZero();
    }

    @Test
    void dryRunAppliesAndOtherPatchesAreNoApplies() throws Exception {
        apply("reconciler-1", "blue", "");
        apply("reconciler-1", "blue", "&dryRun=All");
        http.send(
                HttpRequest.newBuilder(URI.create(api.url() + SETTINGS))
                        .header("Content-Type", "application/merge-patch+json")
                        .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"data\":{\"color\":\"blue\"}}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        TrafficSnapshot traffic = control.traffic();

        assertThat(traffic.count("PATCH")).isEqualTo(3);
        assertThat(traffic.applies()).isEqualTo(1);
    }

    @Test
    void anApplyWithoutTheInstanceHeaderIsCountedUnderItsUserAgent() throws Exception {
        http.send(
                applyRequest("blue", "").header("User-Agent", "kubectl/v1.32.4").build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(control.traffic().appliesByInstance()).isEqualTo(Map.of("kubectl/v1.32.4", 1L));
    }

    @Test
    void requestsInFlightAreCountedWithTheMostAtOnceAndWatchesAreNot() {
        try (Watch ignored = api.client().configMaps().watch(new Watcher<ConfigMap>() {
            @Override
            public void eventReceived(Action action, ConfigMap resource) {}

            @Override
            public void onClose(WatcherException cause) {}
        })) {
            await().atMost(Duration.ofSeconds(5)).until(() -> api.traffic().count("GET") == 1);
            assertThat(control.traffic().inFlight())
                    .as("an open watch is not in flight")
                    .isZero();

            control.hangFor(Duration.ofMinutes(5), false);
            List<CompletableFuture<HttpResponse<String>>> held = IntStream.range(0, 3)
                    .mapToObj(i -> HttpClient.newHttpClient()
                            .sendAsync(
                                    HttpRequest.newBuilder(URI.create(api.url() + "/api/v1/namespaces"))
                                            .build(),
                                    HttpResponse.BodyHandlers.ofString()))
                    .toList();
            await().atMost(Duration.ofSeconds(5)).until(() -> control.traffic().inFlight() == 3);
            control.clearFaults();
            held.forEach(CompletableFuture::join);

            TrafficSnapshot traffic = control.traffic();
            assertThat(traffic.inFlight()).isZero();
            assertThat(traffic.maxInFlight()).isEqualTo(3);
        }
    }

    @Test
    void theTrafficJsonSaysHowManyUnchangedAppliesItLists() throws Exception {
        HttpResponse<String> answer = http.send(
                HttpRequest.newBuilder(URI.create(api.url() + "/sandbox/traffic"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(KubeJson.read(answer.body()).path("unchangedAppliesLimit").asInt())
                .isEqualTo(10_000);
    }

    private HttpResponse<String> apply(String instance, String color, String extraQuery)
            throws IOException, InterruptedException {
        return http.send(
                applyRequest(color, extraQuery)
                        .header("X-Plumbline-Instance", instance)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder applyRequest(String color, String extraQuery) {
        String yaml = "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"settings\"},"
                + "\"data\":{\"color\":\"" + color + "\"}}";
        return HttpRequest.newBuilder(URI.create(api.url() + SETTINGS + "?fieldManager=plumbline" + extraQuery))
                .header("Content-Type", "application/apply-patch+yaml")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(yaml));
    }
}
