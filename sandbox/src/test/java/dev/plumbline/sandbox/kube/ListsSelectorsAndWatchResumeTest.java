package dev.plumbline.sandbox.kube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What lists, selectors, deletes and watches answer, now that objects are looked up in an index. */
class ListsSelectorsAndWatchResumeTest {

    private static final String CONFIG_MAPS = "/api/v1/namespaces/%s/configmaps";

    @RegisterExtension
    static final RunningKubeApi kube = new RunningKubeApi();

    @BeforeAll
    static void createListedObjects() {
        for (String namespace : List.of("shop", "shop-staging", "billing")) {
            kube.http()
                    .post(
                            "/api/v1/namespaces",
                            "{\"apiVersion\":\"v1\",\"kind\":\"Namespace\",\"metadata\":{\"name\":\"" + namespace
                                    + "\"}}");
        }
        configMap("shop", "cart", "{\"tier\":\"web\",\"team\":\"a\"}");
        configMap("shop", "orders", "{\"tier\":\"db\",\"team\":\"a\"}");
        configMap("shop", "plain", "{}");
        configMap("shop-staging", "cart", "{\"tier\":\"web\",\"team\":\"b\"}");
        configMap("billing", "invoices", "{\"tier\":\"db\"}");
    }

    private static void configMap(String namespace, String name, String labels) {
        KubeHttp.Answer answer = kube.http()
                .post(
                        CONFIG_MAPS.formatted(namespace),
                        "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\"," + "\"metadata\":{\"name\":\"" + name
                                + "\",\"labels\":" + labels + "},\"data\":{\"k\":\"v\"}}");
        assertThat(answer.code()).isEqualTo(201);
    }

    /** "namespace/name" of every item a list answers, in its order. */
    private static List<String> listed(String path) {
        KubeHttp.Answer answer = kube.http().get(path);
        assertThat(answer.code()).as(answer.body().toString()).isEqualTo(200);
        List<String> names = new ArrayList<>();
        for (JsonNode item : answer.body().path("items")) {
            names.add(item.path("metadata").path("namespace").asText() + "/"
                    + item.path("metadata").path("name").asText());
        }
        return names;
    }

    /** What a list across namespaces answers of the fixtures' namespaces; other tests add elsewhere. */
    private static List<String> listedOfFixtures(String path) {
        return listed(path).stream()
                .filter(item ->
                        List.of("shop", "shop-staging", "billing").contains(item.substring(0, item.indexOf('/'))))
                .toList();
    }

    private static String selected(String selector) {
        return "/api/v1/configmaps?labelSelector="
                + selector.replace(" ", "%20")
                        .replace(",", "%2C")
                        .replace("=", "%3D")
                        .replace("!", "%21")
                        .replace("(", "%28")
                        .replace(")", "%29");
    }

    @Test
    void aListInANamespaceHoldsOnlyThatNamespaceAndNotOneWhoseNameStartsAlike() {
        assertThat(listed(CONFIG_MAPS.formatted("shop"))).containsExactly("shop/cart", "shop/orders", "shop/plain");
        assertThat(listed(CONFIG_MAPS.formatted("shop-staging"))).containsExactly("shop-staging/cart");
        // ordered by namespace and name as etcd keys sort: '-' before '/'
        assertThat(listedOfFixtures("/api/v1/configmaps"))
                .containsExactly("billing/invoices", "shop-staging/cart", "shop/cart", "shop/orders", "shop/plain");
    }

    @Test
    void labelSelectorsFollowKubernetesRulesForEqualitySetsAndExistence() {
        assertThat(listedOfFixtures(selected("tier=web"))).containsExactly("shop-staging/cart", "shop/cart");
        assertThat(listedOfFixtures(selected("tier==db,team=a"))).containsExactly("shop/orders");
        assertThat(listedOfFixtures(selected("tier!=web")))
                .containsExactly("billing/invoices", "shop/orders", "shop/plain");
        assertThat(listedOfFixtures(selected("team in (a,b),tier notin (db)")))
                .containsExactly("shop-staging/cart", "shop/cart");
        assertThat(listedOfFixtures(selected("team"))).containsExactly("shop-staging/cart", "shop/cart", "shop/orders");
        assertThat(listedOfFixtures(selected("!tier"))).containsExactly("shop/plain");
        assertThat(listed(CONFIG_MAPS.formatted("shop") + "?fieldSelector=metadata.name%3Dcart"))
                .containsExactly("shop/cart");
        assertThat(listedOfFixtures("/api/v1/configmaps?fieldSelector=metadata.namespace%21%3Dshop"))
                .containsExactly("billing/invoices", "shop-staging/cart");
    }

    @Test
    void aSelectorThatDoesNotParseIsA400NamingIt() {
        KubeHttp.Answer answer = kube.http().get(selected("tier in web"));

        assertThat(answer.code()).isEqualTo(400);
        assertThat(answer.body().path("message").asText())
                .startsWith("unable to parse the label selector \"tier in web\"");
    }

    @Test
    void aDeletedObjectIs404AndACollectionDeleteTakesOnlyWhatItsSelectorMatches() {
        kube.http()
                .post(
                        "/api/v1/namespaces",
                        "{\"apiVersion\":\"v1\",\"kind\":\"Namespace\",\"metadata\":{\"name\":\"scratch\"}}");
        configMap("scratch", "keep", "{\"batch\":\"no\"}");
        configMap("scratch", "drop-1", "{\"batch\":\"yes\"}");
        configMap("scratch", "drop-2", "{\"batch\":\"yes\"}");

        assertThat(kube.http()
                        .delete(CONFIG_MAPS.formatted("scratch") + "/keep")
                        .code())
                .isEqualTo(200);
        assertThat(kube.http().get(CONFIG_MAPS.formatted("scratch") + "/keep").code())
                .isEqualTo(404);
        assertThat(kube.http()
                        .delete(CONFIG_MAPS.formatted("scratch") + "/keep")
                        .code())
                .isEqualTo(404);
        configMap("scratch", "keep", "{\"batch\":\"no\"}");
        assertThat(kube.http()
                        .delete(CONFIG_MAPS.formatted("scratch") + "?labelSelector=batch%3Dyes")
                        .code())
                .isEqualTo(200);

        assertThat(listed(CONFIG_MAPS.formatted("scratch"))).containsExactly("scratch/keep");
    }

    @Test
    void anObjectWithAFinalizerIsMarkedOnDeleteAndGoneOnceItsFinalizerIsRemoved() {
        kube.http()
                .post(
                        "/api/v1/namespaces",
                        "{\"apiVersion\":\"v1\",\"kind\":\"Namespace\",\"metadata\":{\"name\":\"held\"}}");
        kube.http()
                .post(
                        CONFIG_MAPS.formatted("held"),
                        "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\","
                                + "\"metadata\":{\"name\":\"held\",\"finalizers\":[\"example.com/hold\"]}}");
        String path = CONFIG_MAPS.formatted("held") + "/held";

        kube.http().delete(path);
        assertThat(kube.http().get(path).body().path("metadata").has("deletionTimestamp"))
                .isTrue();

        kube.http().patch(path, "application/merge-patch+json", "{\"metadata\":{\"finalizers\":null}}");
        assertThat(kube.http().get(path).code()).isEqualTo(404);
    }

    @Test
    @SuppressWarnings("try") // the watch stays open while the body changes objects; only try closes it
    void aWatchFromAListResourceVersionSeesOnlyWhatChangedAfterThatList() {
        kube.http()
                .post(
                        "/api/v1/namespaces",
                        "{\"apiVersion\":\"v1\",\"kind\":\"Namespace\",\"metadata\":{\"name\":\"resume\"}}");
        configMap("resume", "before", "{}");
        configMap("resume", "removed", "{}");
        String listVersion = kube.api()
                .client()
                .configMaps()
                .inNamespace("resume")
                .list()
                .getMetadata()
                .getResourceVersion();
        configMap("resume", "after", "{}");
        kube.http().delete(CONFIG_MAPS.formatted("resume") + "/removed");

        List<String> events = new CopyOnWriteArrayList<>();
        Watcher<ConfigMap> recorder = new Watcher<>() {
            @Override
            public void eventReceived(Action action, ConfigMap resource) {
                events.add(action + " " + resource.getMetadata().getName());
            }

            @Override
            public void onClose(WatcherException cause) {
                // the test closes the watch itself
            }
        };
        try (Watch ignored = kube.api()
                .client()
                .configMaps()
                .inNamespace("resume")
                .withResourceVersion(listVersion)
                .watch(recorder)) {
            kube.http()
                    .patch(
                            CONFIG_MAPS.formatted("resume") + "/before",
                            "application/merge-patch+json",
                            "{\"data\":{\"k\":\"changed\"}}");

            await().atMost(Duration.ofSeconds(10))
                    .untilAsserted(() ->
                            assertThat(events).containsExactly("ADDED after", "DELETED removed", "MODIFIED before"));
        }
    }
}
