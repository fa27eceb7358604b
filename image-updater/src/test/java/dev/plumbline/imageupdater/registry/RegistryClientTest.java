package dev.plumbline.imageupdater.registry;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RegistryClientTest {

    private static final String LIST = "application/vnd.docker.distribution.manifest.list.v2+json";
    private static final String MANIFEST = "application/vnd.docker.distribution.manifest.v2+json";

    private static final WireMockServer registry = new WireMockServer(options().dynamicPort());
    private ImageRepository web;
    private RegistryClient client;

    @BeforeAll
    static void start() {
        registry.start();
    }

    @AfterAll
    static void stop() {
        registry.stop();
    }

    @BeforeEach
    void fresh() {
        registry.resetAll();
        web = ImageRepository.parse("localhost:" + registry.port() + "/shop/web");
        client = client(List.of());
    }

    @Test
    void followsTagsListPagesOnTheSameRegistry() {
        registry.stubFor(get(urlEqualTo("/v2/shop/web/tags/list?n=1000"))
                .willReturn(okJson("{\"name\":\"shop/web\",\"tags\":[\"1.2.3\",\"1.2.4\"]}")
                        .withHeader("Link", "</v2/shop/web/tags/list?last=1.2.4&n=1000>; rel=\"next\"")));
        registry.stubFor(get(urlEqualTo("/v2/shop/web/tags/list?last=1.2.4&n=1000"))
                .willReturn(okJson("{\"name\":\"shop/web\",\"tags\":[\"1.3.0-rc.1\"]}")));

        assertThat(client.tags(web)).containsExactly("1.2.3", "1.2.4", "1.3.0-rc.1");
    }

    @Test
    void aTagsListThatNeverEndsStopsAtThePageLimit() {
        registry.stubFor(get(urlPathEqualTo("/v2/shop/web/tags/list"))
                .willReturn(okJson("{\"tags\":[\"a\"]}")
                        .withHeader("Link", "</v2/shop/web/tags/list?last=a&n=1000>; rel=\"next\"")));

        assertThatThrownBy(() -> client.tags(web))
                .isInstanceOf(RegistryException.class)
                .hasMessageContaining("beyond " + RegistryClient.MAX_PAGES + " pages")
                .satisfies(e -> assertThat(((RegistryException) e).retryable()).isFalse());
        registry.verify(RegistryClient.MAX_PAGES, getRequestedFor(urlPathEqualTo("/v2/shop/web/tags/list")));
    }

    @Test
    void aNextPageOnAnotherHostIsNotFollowed() {
        registry.stubFor(get(urlEqualTo("/v2/shop/web/tags/list?n=1000"))
                .willReturn(okJson("{\"tags\":[\"a\"]}")
                        .withHeader("Link", "<https://elsewhere.example/v2/shop/web/tags/list?last=a>; rel=\"next\"")));

        assertThatThrownBy(() -> client.tags(web)).hasMessageContaining("is on another host");
    }

    @Test
    void describesTheLinuxAmd64ImageOfAnIndexWithItsLabelsAndAnnotations() {
        byte[] config = ("{\"created\":\"2026-12-07T23:40:09Z\",\"architecture\":\"amd64\",\"os\":\"linux\","
                        + "\"config\":{\"Labels\":{\"org.opencontainers.image.revision\":\"from-label\","
                        + "\"org.opencontainers.image.source\":\"https://git.example/shop/web\"}}}")
                .getBytes(StandardCharsets.UTF_8);
        byte[] amd64 = ("{\"schemaVersion\":2,\"mediaType\":\"" + MANIFEST + "\",\"config\":{\"mediaType\":"
                        + "\"application/vnd.docker.container.image.v1+json\",\"digest\":\"" + sha256(config)
                        + "\",\"size\":"
                        + config.length
                        + "},\"layers\":[],\"annotations\":{\"org.opencontainers.image.revision\":\"4f1e2d3\"}}")
                .getBytes(StandardCharsets.UTF_8);
        byte[] index = ("{\"schemaVersion\":2,\"mediaType\":\"" + LIST + "\",\"manifests\":["
                        + "{\"mediaType\":\"" + MANIFEST + "\",\"digest\":\"sha256:" + "a".repeat(64) + "\",\"size\":1,"
                        + "\"platform\":{\"architecture\":\"arm64\",\"os\":\"linux\"}},"
                        + "{\"mediaType\":\"" + MANIFEST + "\",\"digest\":\"" + sha256(amd64) + "\",\"size\":"
                        + amd64.length
                        + ",\"platform\":{\"architecture\":\"amd64\",\"os\":\"linux\"}}]}")
                .getBytes(StandardCharsets.UTF_8);
        serveManifest("1.2.4", index, LIST, sha256(index));
        serveManifest(sha256(amd64), amd64, MANIFEST, sha256(amd64));
        registry.stubFor(get(urlEqualTo("/v2/shop/web/blobs/" + sha256(config)))
                .willReturn(aResponse().withStatus(200).withBody(config)));

        ImageVersion version = client.describe(web, "1.2.4");

        assertThat(version)
                .isEqualTo(new ImageVersion(
                        web,
                        "1.2.4",
                        sha256(index),
                        Instant.parse("2026-12-07T23:40:09Z"),
                        "4f1e2d3",
                        "https://git.example/shop/web"));
        registry.verify(getRequestedFor(urlEqualTo("/v2/shop/web/manifests/1.2.4"))
                .withHeader(
                        "Accept",
                        equalTo("application/vnd.oci.image.index.v1+json, "
                                + "application/vnd.oci.image.manifest.v1+json, " + LIST + ", " + MANIFEST)));
    }

    @Test
    void aManifestThatIsNotWhatItsDigestSaysIsRefused() {
        byte[] manifest = ("{\"schemaVersion\":2,\"mediaType\":\"" + MANIFEST + "\",\"layers\":[]}")
                .getBytes(StandardCharsets.UTF_8);
        serveManifest("1.2.4", manifest, MANIFEST, "sha256:" + "0".repeat(64));

        assertThatThrownBy(() -> client.describe(web, "1.2.4"))
                .isInstanceOf(RegistryException.class)
                .hasMessageStartingWith("registry localhost:" + registry.port() + ", repository shop/web: ")
                .hasMessageContaining("does not match its digest sha256:" + "0".repeat(64))
                .satisfies(e -> assertThat(((RegistryException) e).retryable()).isFalse());
    }

    @Test
    void aManifestLargerThanTheCapIsNotRead() {
        byte[] huge = new byte[RegistryClient.MAX_DOCUMENT_BYTES + 1];
        serveManifest("1.2.4", huge, MANIFEST, sha256(huge));

        assertThatThrownBy(() -> client.describe(web, "1.2.4")).hasMessageContaining("is larger than 4096 KiB");
    }

    @Test
    void asksTheRealmForATokenWithTheLoginAndRetriesWithIt() {
        byte[] manifest = ("{\"schemaVersion\":2,\"mediaType\":\"" + MANIFEST + "\",\"layers\":[]}")
                .getBytes(StandardCharsets.UTF_8);
        registry.stubFor(get(urlEqualTo("/v2/shop/web/manifests/1.2.4"))
                .withHeader("Authorization", absent())
                .willReturn(aResponse()
                        .withStatus(401)
                        .withHeader(
                                "WWW-Authenticate",
                                "Bearer realm=\"http://localhost:" + registry.port()
                                        + "/token\",service=\"registry.test\",scope=\"repository:shop/web:pull\"")));
        registry.stubFor(get(urlPathEqualTo("/token"))
                .withBasicAuth("ci", "pw")
                .withQueryParam("service", equalTo("registry.test"))
                .withQueryParam("scope", equalTo("repository:shop/web:pull"))
                .willReturn(okJson("{\"token\":\"t0ken\",\"expires_in\":300}")));
        registry.stubFor(get(urlEqualTo("/v2/shop/web/manifests/1.2.4"))
                .withHeader("Authorization", equalTo("Bearer t0ken"))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", MANIFEST)
                        .withBody(manifest)));

        RegistryClient withLogin = client(List.of(new RegistryCredentials(web.registry(), "ci", "pw", false)));

        assertThat(withLogin.describe(web, "1.2.4").digest()).isEqualTo(sha256(manifest));
        assertThat(withLogin.describe(web, "1.2.4").digest()).isEqualTo(sha256(manifest));
        registry.verify(1, getRequestedFor(urlPathEqualTo("/token")));
    }

    @Test
    void sendsBasicCredentialsWhenTheRegistryAsksForThem() {
        registry.stubFor(get(urlEqualTo("/v2/shop/web/tags/list?n=1000"))
                .withHeader("Authorization", absent())
                .willReturn(
                        aResponse().withStatus(401).withHeader("WWW-Authenticate", "Basic realm=\"Registry Realm\"")));
        registry.stubFor(get(urlEqualTo("/v2/shop/web/tags/list?n=1000"))
                .withBasicAuth("ci", "pw")
                .willReturn(okJson("{\"tags\":[\"1.2.4\"]}")));

        assertThat(client(List.of(new RegistryCredentials(web.registry(), "ci", "pw", false)))
                        .tags(web))
                .containsExactly("1.2.4");
        assertThatThrownBy(() -> client.tags(web))
                .hasMessageContaining("answered 401 and it asks for credentials")
                .satisfies(e -> assertThat(((RegistryException) e).retryable()).isFalse());
    }

    @Test
    void aRedirectToAnotherHostCarriesNoCredentials() {
        WireMockServer storage = new WireMockServer(options().dynamicPort());
        storage.start();
        try {
            registry.stubFor(get(urlEqualTo("/v2/shop/web/tags/list?n=1000"))
                    .withHeader("Authorization", absent())
                    .willReturn(aResponse().withStatus(401).withHeader("WWW-Authenticate", "Basic realm=\"r\"")));
            registry.stubFor(get(urlEqualTo("/v2/shop/web/tags/list?n=1000"))
                    .withBasicAuth("ci", "pw")
                    .willReturn(aResponse()
                            .withStatus(307)
                            .withHeader("Location", "http://localhost:" + storage.port() + "/signed/tags")));
            storage.stubFor(get(urlEqualTo("/signed/tags")).willReturn(okJson("{\"tags\":[\"1.2.4\"]}")));

            assertThat(client(List.of(new RegistryCredentials(web.registry(), "ci", "pw", false)))
                            .tags(web))
                    .containsExactly("1.2.4");
            storage.verify(1, getRequestedFor(urlEqualTo("/signed/tags")).withoutHeader("Authorization"));
        } finally {
            storage.stop();
        }
    }

    @Test
    void aTokenRealmOverPlainHttpNeverReceivesTheLogin() {
        WireMockServer tls = new WireMockServer(options().dynamicPort().dynamicHttpsPort());
        tls.start();
        try {
            // 127.0.0.2 is loopback too, but not a name the client serves over plain HTTP: this registry is HTTPS
            ImageRepository remote = ImageRepository.parse("127.0.0.2:" + tls.httpsPort() + "/shop/web");
            tls.stubFor(get(urlEqualTo("/v2/shop/web/tags/list?n=1000"))
                    .willReturn(aResponse()
                            .withStatus(401)
                            .withHeader(
                                    "WWW-Authenticate", "Bearer realm=\"http://127.0.0.2:" + tls.port() + "/token\"")));
            HttpClient trusting = HttpClient.newBuilder()
                    .sslContext(TrustEveryCertificate.context())
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .build();
            RegistryClient withLogin = new RegistryClient(
                    List.of(new RegistryCredentials(remote.registry(), "ci", "pw", false)),
                    trusting,
                    Duration.ofSeconds(10));

            assertThatThrownBy(() -> withLogin.tags(remote))
                    .hasMessageContaining("its token realm http://127.0.0.2:" + tls.port()
                            + "/token is not HTTPS, and credentials are never sent in the clear")
                    .satisfies(
                            e -> assertThat(((RegistryException) e).retryable()).isFalse());
            tls.verify(0, getRequestedFor(urlPathEqualTo("/token")));
        } finally {
            tls.stop();
        }
    }

    @Test
    void tellsPassingFailuresFromThoseThatNeedAPerson() throws IOException {
        registry.stubFor(get(urlEqualTo("/v2/shop/web/manifests/gone"))
                .willReturn(aResponse().withStatus(404)));
        registry.stubFor(get(urlEqualTo("/v2/shop/web/manifests/broken"))
                .willReturn(aResponse().withStatus(503)));
        registry.stubFor(get(urlEqualTo("/v2/shop/web/manifests/slow"))
                .willReturn(aResponse().withStatus(200).withFixedDelay(2000)));
        ImageRepository down = ImageRepository.parse("127.0.0.1:" + closedPort() + "/shop/web");

        assertThatThrownBy(() -> client.describe(web, "gone"))
                .hasMessageContaining("answered 404; it does not exist there")
                .satisfies(e -> assertThat(((RegistryException) e).retryable()).isFalse());
        assertThatThrownBy(() -> client.describe(web, "broken"))
                .hasMessageContaining("answered 503; the registry failed, it is retried")
                .satisfies(e -> assertThat(((RegistryException) e).retryable()).isTrue());
        assertThatThrownBy(() -> client(List.of(), Duration.ofMillis(300)).describe(web, "slow"))
                .hasMessageContaining("no answer for the manifest of slow within 0.3 s")
                .satisfies(e -> assertThat(((RegistryException) e).retryable()).isTrue());
        assertThatThrownBy(() -> client.tags(down))
                .hasMessageContaining("cannot connect")
                .satisfies(e -> assertThat(((RegistryException) e).retryable()).isTrue());
    }

    private RegistryClient client(List<RegistryCredentials> credentials) {
        return client(credentials, Duration.ofSeconds(10));
    }

    private RegistryClient client(List<RegistryCredentials> credentials, Duration timeout) {
        HttpClient http = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(2))
                .build();
        return new RegistryClient(credentials, http, timeout);
    }

    private void serveManifest(String reference, byte[] body, String mediaType, String digest) {
        registry.stubFor(get(urlEqualTo("/v2/shop/web/manifests/" + reference))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", mediaType)
                        .withHeader("Docker-Content-Digest", digest)
                        .withBody(body)));
    }

    private static String sha256(byte[] bytes) {
        try {
            return "sha256:"
                    + HexFormat.of()
                            .formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
