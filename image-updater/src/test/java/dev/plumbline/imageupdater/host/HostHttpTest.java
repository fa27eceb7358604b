package dev.plumbline.imageupdater.host;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.plumbline.imageupdater.host.HostStub.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class HostHttpTest {

    @RegisterExtension
    static WireMockExtension api = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    @Test
    void anAnswerTooBigToBeAHostsIsRefused() {
        api.stubFor(get(urlPathEqualTo("/repos/shop/config/pulls"))
                .willReturn(aResponse().withStatus(200).withBody(new byte[HostHttp.MAX_RESPONSE_BYTES + 1])));
        PullRequestHost host = HostStub.client(api, HostKind.GITHUB, "", "shop/config");

        HostException refused = catchThrowableOfType(HostException.class, () -> host.findOpen("some-branch"));

        assertThat(refused.getMessage()).contains("more than " + HostHttp.MAX_RESPONSE_BYTES + " bytes", "api-url");
    }

    @Test
    void aTokenEchoedByTheHostIsHidden() {
        api.stubFor(get(urlPathEqualTo("/repos/shop/config/pulls"))
                .willReturn(
                        aResponse().withStatus(401).withBody("{\"message\": \"token " + TOKEN + " is not valid\"}")));
        PullRequestHost host = HostStub.client(api, HostKind.GITEA, "", "shop/config");

        HostException refused = catchThrowableOfType(HostException.class, () -> host.findOpen("some-branch"));

        assertThat(refused.getMessage())
                .contains("token **** is not valid", "write:repository")
                .doesNotContain(TOKEN);
    }

    @Test
    void anUnreachableHostIsRetryableAndNamesTheApiUrl() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        PullRequestHost host = PullRequestHosts.of(
                HostKind.GITLAB,
                URI.create("http://127.0.0.1:" + closedPort),
                "shop/config",
                TOKEN,
                PullRequestHosts.httpClient());

        HostException unreachable = catchThrowableOfType(HostException.class, () -> host.approvers(3));

        assertThat(unreachable.status()).isZero();
        assertThat(unreachable.retryable()).isTrue();
        assertThat(unreachable.getMessage()).contains("cannot reach GitLab at http://127.0.0.1:" + closedPort);
    }

    @Test
    void aProjectOfTheWrongShapeIsRefusedWithTheShapeExpected() {
        IllegalArgumentException wrong = catchThrowableOfType(
                IllegalArgumentException.class,
                () -> PullRequestHosts.of(HostKind.GITHUB, null, "just-a-name", TOKEN, PullRequestHosts.httpClient()));

        assertThat(wrong.getMessage()).contains("owner/repository", "just-a-name");
    }
}
