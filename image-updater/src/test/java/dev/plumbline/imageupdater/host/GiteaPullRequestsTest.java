package dev.plumbline.imageupdater.host;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.plumbline.imageupdater.host.HostStub.DRAFT;
import static dev.plumbline.imageupdater.host.HostStub.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class GiteaPullRequestsTest {

    @RegisterExtension
    static WireMockExtension gitea = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    private static final String PULLS = "/api/v1/repos/plumbline/config/pulls";

    private final PullRequestHost host = HostStub.client(gitea, HostKind.GITEA, "/api/v1", "plumbline/config");

    @Test
    void opensAPullRequestAsTheApiDocumentsIt() {
        gitea.stubFor(post(urlPathEqualTo(PULLS))
                .withHeader("Authorization", equalTo("token " + TOKEN))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson("""
                        {"head": "plumbline/promote/web/web", "base": "main",
                         "title": "Promote web to 1.2.5", "body": "web:1.2.4 -> web:1.2.5"}"""))
                .willReturn(aResponse()
                        .withStatus(201)
                        .withHeader("Content-Type", "application/json")
                        .withBody(pull(4, "plumbline/promote/web/web"))));

        assertThat(host.open(DRAFT))
                .isEqualTo(new PullRequest(
                        4, "https://gitea.example/plumbline/config/pulls/4", "plumbline/promote/web/web", "Promote"));
    }

    @Test
    void findsTheOpenPullRequestOfTheBranchOnALaterPageAndUpdatesIt() {
        String fullPage = IntStream.rangeClosed(100, 149)
                .mapToObj(number -> pull(number, "feature-" + number))
                .collect(Collectors.joining(",", "[", "]"));
        gitea.stubFor(get(urlPathEqualTo(PULLS))
                .withHeader("Authorization", equalTo("token " + TOKEN))
                .withQueryParam("state", equalTo("open"))
                .withQueryParam("page", equalTo("1"))
                .withQueryParam("limit", equalTo("50"))
                .willReturn(okJson(fullPage)));
        gitea.stubFor(get(urlPathEqualTo(PULLS))
                .withQueryParam("state", equalTo("open"))
                .withQueryParam("page", equalTo("2"))
                .willReturn(okJson("[" + pull(4, "plumbline/promote/web/web") + "]")));
        // Gitea answers an edit with 201
        gitea.stubFor(patch(urlPathEqualTo(PULLS + "/4"))
                .withHeader("Authorization", equalTo("token " + TOKEN))
                .withRequestBody(equalToJson("""
                        {"title": "Promote web to 1.2.5", "body": "web:1.2.4 -> web:1.2.5"}"""))
                .willReturn(aResponse()
                        .withStatus(201)
                        .withHeader("Content-Type", "application/json")
                        .withBody(pull(4, "plumbline/promote/web/web"))));

        PullRequest found = host.findOpen(DRAFT.branch()).orElseThrow();
        PullRequest updated = host.update(found.number(), DRAFT);

        assertThat(found.number()).isEqualTo(4);
        assertThat(updated.number()).isEqualTo(4);
        gitea.verify(0, postRequestedFor(urlPathEqualTo(PULLS)));
    }

    @Test
    void approversAreTheReviewersWhoseLatestReviewApprovesAndIsNotDismissed() {
        gitea.stubFor(get(urlPathEqualTo(PULLS + "/4/reviews"))
                .withHeader("Authorization", equalTo("token " + TOKEN))
                .willReturn(okJson("""
                        [{"user": {"login": "ada"}, "state": "APPROVED", "dismissed": false},
                         {"user": {"login": "bob"}, "state": "APPROVED", "dismissed": true},
                         {"user": {"login": "cy"}, "state": "APPROVED", "dismissed": false},
                         {"user": {"login": "cy"}, "state": "REQUEST_CHANGES", "dismissed": false},
                         {"user": {"login": "ada"}, "state": "COMMENT", "dismissed": false}]""")));

        assertThat(host.approvers(4)).containsExactly("ada");
    }

    @Test
    void aMissingBranchIsReportedWithGiteasMessage() {
        gitea.stubFor(
                post(urlPathEqualTo(PULLS))
                        .willReturn(
                                aResponse()
                                        .withStatus(404)
                                        .withBody(
                                                "{\"message\": \"head branch does not exist\", \"url\": \"https://gitea.example/api/swagger\"}")));

        HostException refused = catchThrowableOfType(HostException.class, () -> host.open(DRAFT));

        assertThat(refused.getMessage())
                .contains("Gitea", "plumbline/config", "HTTP 404", "head branch does not exist", "project setting");
    }

    @Test
    void aGiteaHostNeedsItsApiUrl() {
        IllegalArgumentException missing = catchThrowableOfType(
                IllegalArgumentException.class,
                () -> PullRequestHosts.of(
                        HostKind.GITEA, null, "plumbline/config", TOKEN, PullRequestHosts.httpClient()));

        assertThat(missing.getMessage()).contains("api-url", "/api/v1");
    }

    private static String pull(int number, String branch) {
        return """
                {"number": %d, "html_url": "https://gitea.example/plumbline/config/pulls/%d", "title": "Promote",
                 "state": "open", "head": {"ref": "%s", "sha": "abc"}, "base": {"ref": "main"}}""".formatted(number, number, branch);
    }
}
