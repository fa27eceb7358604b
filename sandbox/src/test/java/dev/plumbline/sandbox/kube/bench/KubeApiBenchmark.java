package dev.plumbline.sandbox.kube.bench;

import dev.plumbline.sandbox.kube.EmbeddedKubeApi;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;

/**
 * Prints the embedded Kubernetes API's request latency as the number of stored objects grows: ConfigMaps are
 * server-side applied (in namespaces of 50, with a label per namespace) up to each size, then GET by name, an
 * unchanged apply, a changing merge patch, a LIST of one namespace by label selector and a LIST of every
 * ConfigMap are timed. Each ConfigMap gets a RoleBinding of its own for a ServiceAccount of its own, so that
 * there are as many RoleBindings as ConfigMaps: a GET impersonating such a ServiceAccount is timed, and a
 * binding change followed by such a GET, which rebuilds the RBAC index. Run with {@code ./mvnw -B -o -Pbench -pl sandbox -am verify -DskipTests}; choose the sizes
 * with {@code -Dbench.sizes=100,1000,5000}.
 */
public final class KubeApiBenchmark {

    private static final int PER_NAMESPACE = 50;
    private static final int SAMPLES = 200;
    private static final int LIST_SAMPLES = 20;

    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final String url;
    private int stored;

    private KubeApiBenchmark(String url) {
        this.url = url;
    }

    public static void main(String[] args) throws Exception {
        int[] sizes = Arrays.stream(
                        System.getProperty("bench.sizes", "100,1000,5000").split(","))
                .mapToInt(size -> Integer.parseInt(size.strip()))
                .toArray();
        try (EmbeddedKubeApi api = new EmbeddedKubeApi().start()) {
            KubeApiBenchmark bench = new KubeApiBenchmark(api.url());
            bench.warmUp();
            System.out.printf(
                    "%8s %12s %10s %14s %12s %14s %14s %12s %14s%n",
                    "objects",
                    "apply-new",
                    "get",
                    "apply-same",
                    "patch",
                    "list-label",
                    "list-all",
                    "get-as-sa",
                    "rebind+get");
            for (int size : sizes) {
                bench.measure(size);
            }
        }
    }

    /** Runs every request type a while first, so that the smallest size is not measured on cold code. */
    private void warmUp() throws IOException, InterruptedException {
        fillTo(PER_NAMESPACE);
        for (int i = 0; i < 1000; i++) {
            get(i % stored);
            applyConfigMap(i % stored, "warm");
            send(
                    "PATCH",
                    objectPath(i % stored),
                    "application/merge-patch+json",
                    "{\"data\":{\"patched\":\"warm-" + i + "\"}}",
                    200);
            send(
                    "GET",
                    "/api/v1/namespaces/" + namespace(0) + "/configmaps?labelSelector=bench%3D" + namespace(0),
                    null,
                    null,
                    200);
        }
    }

    private void measure(int size) throws IOException, InterruptedException {
        int before = stored;
        long start = System.nanoTime();
        fillTo(size);
        double applyNew = before == stored ? Double.NaN : millisPerRequest(start, stored - before);

        start = System.nanoTime();
        for (int i = 0; i < SAMPLES; i++) {
            get(spread(i));
        }
        double get = millisPerRequest(start, SAMPLES);

        start = System.nanoTime();
        for (int i = 0; i < SAMPLES; i++) {
            applyConfigMap(spread(i), "warm");
        }
        double applySame = millisPerRequest(start, SAMPLES);

        start = System.nanoTime();
        for (int i = 0; i < SAMPLES; i++) {
            int index = spread(i);
            send(
                    "PATCH",
                    objectPath(index),
                    "application/merge-patch+json",
                    "{\"data\":{\"patched\":\"" + size + "-" + i + "\"}}",
                    200);
        }
        double patch = millisPerRequest(start, SAMPLES);

        start = System.nanoTime();
        for (int i = 0; i < LIST_SAMPLES; i++) {
            String namespace = namespace(spread(i));
            send(
                    "GET",
                    "/api/v1/namespaces/" + namespace + "/configmaps?labelSelector=bench%3D" + namespace,
                    null,
                    null,
                    200);
        }
        double listLabel = millisPerRequest(start, LIST_SAMPLES);

        start = System.nanoTime();
        for (int i = 0; i < LIST_SAMPLES; i++) {
            send("GET", "/api/v1/configmaps", null, null, 200);
        }
        double listAll = millisPerRequest(start, LIST_SAMPLES);

        getAsServiceAccount(0);
        start = System.nanoTime();
        for (int i = 0; i < SAMPLES; i++) {
            getAsServiceAccount(spread(i));
        }
        double getAsServiceAccount = millisPerRequest(start, SAMPLES);

        start = System.nanoTime();
        for (int i = 0; i < LIST_SAMPLES; i++) {
            bind(spread(i), size + "-" + i);
            getAsServiceAccount(spread(i));
        }
        double rebindAndGet = millisPerRequest(start, LIST_SAMPLES);
        System.out.printf(
                "%8d %10.2fms %8.2fms %12.2fms %10.2fms %12.2fms %12.2fms %10.2fms %12.2fms%n",
                stored, applyNew, get, applySame, patch, listLabel, listAll, getAsServiceAccount, rebindAndGet);
    }

    /** Indexes spread over everything stored, so that no size favours the first objects. */
    private int spread(int sample) {
        return (int) ((sample * 7919L) % stored);
    }

    private void fillTo(int size) throws IOException, InterruptedException {
        while (stored < size) {
            if (stored % PER_NAMESPACE == 0) {
                send(
                        "PATCH",
                        "/api/v1/namespaces/" + namespace(stored) + "?fieldManager=bench&force=true",
                        "application/apply-patch+yaml",
                        "{\"apiVersion\":\"v1\",\"kind\":\"Namespace\"," + "\"metadata\":{\"name\":\""
                                + namespace(stored) + "\"}}",
                        201);
                send(
                        "PATCH",
                        "/apis/rbac.authorization.k8s.io/v1/namespaces/" + namespace(stored)
                                + "/roles/reader?fieldManager=bench&force=true",
                        "application/apply-patch+yaml",
                        "{\"apiVersion\":\"rbac.authorization.k8s.io/v1\",\"kind\":\"Role\",\"rules\":[{\"apiGroups\":"
                                + "[\"\"],\"resources\":[\"configmaps\"],\"verbs\":[\"get\"]}]}",
                        201);
            }
            applyConfigMap(stored, "new");
            bind(stored, "new");
            stored++;
        }
    }

    private void applyConfigMap(int index, String value) throws IOException, InterruptedException {
        String namespace = namespace(index);
        send(
                "PATCH",
                objectPath(index) + "?fieldManager=bench&force=true",
                "application/apply-patch+yaml",
                "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"cm-" + index
                        + "\",\"labels\":{\"bench\":\"" + namespace + "\"}},\"data\":{\"value\":\"" + value + "\"}}",
                -1);
    }

    /** A RoleBinding of its own to the namespace's Role for ServiceAccount {@code sa-<index>}. */
    private void bind(int index, String revision) throws IOException, InterruptedException {
        send(
                "PATCH",
                "/apis/rbac.authorization.k8s.io/v1/namespaces/" + namespace(index) + "/rolebindings/reader-" + index
                        + "?fieldManager=bench&force=true",
                "application/apply-patch+yaml",
                "{\"apiVersion\":\"rbac.authorization.k8s.io/v1\",\"kind\":\"RoleBinding\",\"metadata\":{\"labels\":"
                        + "{\"revision\":\"" + revision
                        + "\"}},\"roleRef\":{\"apiGroup\":\"rbac.authorization.k8s.io\","
                        + "\"kind\":\"Role\",\"name\":\"reader\"},\"subjects\":[{\"kind\":\"ServiceAccount\",\"name\":"
                        + "\"sa-" + index + "\",\"namespace\":\"" + namespace(index) + "\"}]}",
                -1);
    }

    private void get(int index) throws IOException, InterruptedException {
        send("GET", objectPath(index), null, null, 200);
    }

    private void getAsServiceAccount(int index) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url + objectPath(index)))
                .header("Impersonate-User", "system:serviceaccount:" + namespace(index) + ":sa-" + index)
                .GET()
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + objectPath(index) + " as sa-" + index + " answered "
                    + response.statusCode() + ": " + response.body());
        }
    }

    private static String objectPath(int index) {
        return "/api/v1/namespaces/" + namespace(index) + "/configmaps/cm-" + index;
    }

    private static String namespace(int index) {
        return "bench-" + index / PER_NAMESPACE;
    }

    private void send(String method, String path, String contentType, String body, int expected)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url + path));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        request.method(
                method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        boolean ok = expected < 0 ? response.statusCode() / 100 == 2 : response.statusCode() == expected;
        if (!ok) {
            throw new IllegalStateException(
                    method + " " + path + " answered " + response.statusCode() + ": " + response.body());
        }
    }

    private static double millisPerRequest(long startNanos, int requests) {
        return (System.nanoTime() - startNanos) / 1e6 / requests;
    }
}
