package dev.plumbline.sandbox.kube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The fault switch over HTTP, as {@code KubeApiControl} drives it against a running API. */
class KubeApiFaultsTest {

    private static final String CONFIG_MAPS = "/api/v1/namespaces/default/configmaps";

    private final HttpClient http = HttpClient.newHttpClient();
    private EmbeddedKubeApi api;
    private KubeApiControl control;

    @BeforeEach
    void start() {
        api = new EmbeddedKubeApi()
                .withToken("root-token", "root", "system:masters")
                .withToken("dev-token", "dev", "developers")
                .start();
        control = new KubeApiControl(URI.create(api.url()));
    }

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void aStatusFaultAnswersEveryRequestWithAStatusOfThatCodeUntilTheWindowEnds() throws Exception {
        control.failFor(Duration.ofSeconds(2), 503, false);

        HttpResponse<String> failed = get(CONFIG_MAPS);
        assertThat(failed.statusCode()).isEqualTo(503);
        JsonNode status = KubeJson.read(failed.body());
        assertThat(status.path("kind").asText()).isEqualTo("Status");
        assertThat(status.path("code").asInt()).isEqualTo(503);
        assertThat(status.path("reason").asText()).isEqualTo("ServiceUnavailable");
        assertThat(control.traffic().count("GET"))
                .as("the control call itself answered, and counted nothing else")
                .isEqualTo(1);

        await().atMost(Duration.ofSeconds(10)).until(() -> get(CONFIG_MAPS).statusCode() == 200);
    }

    @Test
    void clearingAFaultServesRequestsAgainAtOnce() throws Exception {
        control.failFor(Duration.ofMinutes(5), 500, false);
        assertThat(get(CONFIG_MAPS).statusCode()).isEqualTo(500);

        control.clearFaults();

        assertThat(get(CONFIG_MAPS).statusCode()).isEqualTo(200);
    }

    @Test
    void aHangAnswersNothingWhileControlCallsGoOnAndServesTheHeldRequestsWhenItEnds() {
        control.hangFor(Duration.ofSeconds(2), false);
        long start = System.nanoTime();

        CompletableFuture<HttpResponse<String>> first = getLater(CONFIG_MAPS);
        CompletableFuture<HttpResponse<String>> second = getLater("/api/v1/namespaces");
        await().atMost(Duration.ofSeconds(1))
                .untilAsserted(() -> assertThat(control.traffic().inFlight())
                        .as("both requests arrived, on their own connections, and are held")
                        .isEqualTo(2));
        assertThat(first).isNotDone();
        assertThat(second).isNotDone();

        assertThat(first.join().statusCode()).isEqualTo(200);
        assertThat(second.join().statusCode()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(1900));
        assertThat(control.traffic().inFlight()).isZero();
    }

    @Test
    void clearingAHangServesTheHeldRequestsAtOnce() {
        control.hangFor(Duration.ofMinutes(5), false);
        CompletableFuture<HttpResponse<String>> held = getLater(CONFIG_MAPS);
        await().atMost(Duration.ofSeconds(1)).until(() -> control.traffic().inFlight() == 1);

        control.clearFaults();

        assertThat(held.orTimeout(5, java.util.concurrent.TimeUnit.SECONDS)
                        .join()
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void aClientThatTimesOutDuringAHangGivesUpOnItsOwnAndItsRequestIsNeverServed() {
        control.hangFor(Duration.ofMinutes(5), false);
        HttpRequest create = HttpRequest.newBuilder(URI.create(api.url() + CONFIG_MAPS))
                .timeout(Duration.ofMillis(500))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"late\"}}"))
                .build();

        assertThatThrownBy(() -> http.send(create, HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(HttpTimeoutException.class);
        await().atMost(Duration.ofSeconds(5)).until(() -> control.traffic().inFlight() == 0);
        control.clearFaults();

        assertThat(api.client().configMaps().withName("late").get())
                .as("the client went away, so its write was dropped")
                .isNull();
    }

    @Test
    void aRequestHeldLongerThanTheRequestTimeoutIsAnswered504AsKubeApiserverDoes() throws Exception {
        try (EmbeddedKubeApi patient =
                new EmbeddedKubeApi().withRequestTimeout(Duration.ofSeconds(1)).start()) {
            patient.traffic().hangFor(Duration.ofMinutes(5), false);

            HttpResponse<String> answer = http.send(
                    HttpRequest.newBuilder(URI.create(patient.url() + CONFIG_MAPS))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(answer.statusCode()).isEqualTo(504);
            assertThat(KubeJson.read(answer.body()).path("reason").asText()).isEqualTo("Timeout");
        }
    }

    @Test
    void aStreamedWatchOpenedDuringAHangIsServedWhenItEnds() {
        control.hangFor(Duration.ofMinutes(5), false);
        CompletableFuture<HttpResponse<java.util.stream.Stream<String>>> watch = HttpClient.newHttpClient()
                .sendAsync(
                        HttpRequest.newBuilder(URI.create(api.url() + CONFIG_MAPS + "?watch=true"))
                                .build(),
                        HttpResponse.BodyHandlers.ofLines());
        await().atMost(Duration.ofSeconds(5)).until(() -> api.traffic().count("GET") == 1);
        assertThat(watch).isNotDone();

        control.clearFaults();
        create("seen");

        HttpResponse<java.util.stream.Stream<String>> opened =
                watch.orTimeout(5, java.util.concurrent.TimeUnit.SECONDS).join();
        assertThat(opened.statusCode()).isEqualTo(200);
        assertThat(opened.body().filter(line -> line.contains("\"seen\"")).findFirst())
                .isPresent();
    }

    @Test
    void aFabric8WatchOpenedDuringAHangIsServedWhenItEnds() {
        List<String> seen = new CopyOnWriteArrayList<>();
        control.hangFor(Duration.ofMinutes(5), false);
        CompletableFuture<Watch> opening =
                CompletableFuture.supplyAsync(() -> api.client().configMaps().watch(new Watcher<ConfigMap>() {
                    @Override
                    public void eventReceived(Action action, ConfigMap resource) {
                        seen.add(action + " " + resource.getMetadata().getName());
                    }

                    @Override
                    public void onClose(WatcherException cause) {
                        // closed by the test
                    }
                }));
        await().atMost(Duration.ofSeconds(5)).until(() -> api.traffic().count("GET") >= 1);

        control.clearFaults();
        try (Watch ignored =
                opening.orTimeout(10, java.util.concurrent.TimeUnit.SECONDS).join()) {
            create("after-the-hang");
            await().atMost(Duration.ofSeconds(10)).until(() -> seen.contains("ADDED after-the-hang"));
        }
    }

    @Test
    void droppingWatchesClosesAFabric8WatchWhichWatchesAgainAndSeesLaterChanges() {
        List<String> seen = new CopyOnWriteArrayList<>();
        try (Watch ignored = api.client().configMaps().watch(new Watcher<ConfigMap>() {
            @Override
            public void eventReceived(Action action, ConfigMap resource) {
                seen.add(action + " " + resource.getMetadata().getName());
            }

            @Override
            public void onClose(WatcherException cause) {
                // closed by the test
            }
        })) {
            create("before");
            await().atMost(Duration.ofSeconds(5)).until(() -> seen.contains("ADDED before"));
            long getsBefore = api.traffic().count("GET");

            assertThat(api.traffic().failFor(Duration.ofMillis(500), 503, true))
                    .as("watches closed")
                    .isEqualTo(1);
            await().atMost(Duration.ofSeconds(15))
                    .untilAsserted(() -> assertThat(api.traffic().count("GET"))
                            .as("the watch is opened again")
                            .isGreaterThan(getsBefore));
            await().atMost(Duration.ofSeconds(10)).ignoreExceptions().until(() -> {
                create("after");
                return true;
            });

            await().atMost(Duration.ofSeconds(15)).until(() -> seen.contains("ADDED after"));
        }
    }

    @Test
    void dropWatchesOverHttpClosesOpenWatches() {
        try (Watch ignored = api.client().configMaps().watch(new Watcher<ConfigMap>() {
            @Override
            public void eventReceived(Action action, ConfigMap resource) {}

            @Override
            public void onClose(WatcherException cause) {}
        })) {
            await().atMost(Duration.ofSeconds(5)).until(() -> api.traffic().count("GET") >= 1);
            long getsBefore = api.traffic().count("GET");

            control.hangFor(Duration.ofMillis(300), true);

            await().atMost(Duration.ofSeconds(15))
                    .untilAsserted(() -> assertThat(api.traffic().count("GET"))
                            .as("the closed watch is opened again")
                            .isGreaterThan(getsBefore));
        }
    }

    @Test
    void onlyMembersOfSystemMastersMayUseTheControls() {
        assertThatThrownBy(() -> control.withToken("dev-token").traffic())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("403")
                .hasMessageContaining("system:masters");
        assertThatThrownBy(() -> control.withToken("dev-token").failFor(Duration.ofSeconds(5), 500, false))
                .hasMessageContaining("403");
        assertThatThrownBy(() -> control.withToken("no-such-token").clearFaults())
                .hasMessageContaining("401");

        control.withToken("root-token").failFor(Duration.ofMinutes(1), 500, false);
        assertThat(control.traffic().byMethod()).isEmpty();
    }

    @Test
    void aFaultThatIsNoErrorIsRefusedSayingWhatToSend() {
        assertThatThrownBy(() -> control.failFor(Duration.ofSeconds(5), 200, false))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("400")
                .hasMessageContaining("HTTP error code from 400 to 599");
    }

    @Test
    void anUnreachableApiIsNamedInAPlainError() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        KubeApiControl nowhere = new KubeApiControl(URI.create("http://127.0.0.1:" + port));

        assertThatThrownBy(nowhere::traffic)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("http://127.0.0.1:" + port)
                .hasMessageContaining("nothing answers there");
    }

    private void create(String name) {
        api.client()
                .configMaps()
                .resource(new ConfigMapBuilder()
                        .withNewMetadata()
                        .withName(name)
                        .endMetadata()
                        .build())
                .create();
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create(api.url() + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private CompletableFuture<HttpResponse<String>> getLater(String path) {
        // a client of its own, so each request has its own connection
        return HttpClient.newHttpClient()
                .sendAsync(
                        HttpRequest.newBuilder(URI.create(api.url() + path)).build(),
                        HttpResponse.BodyHandlers.ofString());
    }
}
