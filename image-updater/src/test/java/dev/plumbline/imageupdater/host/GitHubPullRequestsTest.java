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

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class GitHubPullRequestsTest {

    @RegisterExtension
    static WireMockExtension github = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    private static final String PULLS = "/api/v3/repos/shop/config/pulls";
    private static final String PULL_7 = """
            {"number": 7, "html_url": "https://github.example/shop/config/pull/7", "title": "Promote web to 1.2.4",
             "state": "open", "head": {"ref": "plumbline/promote/web/web", "sha": "abc"}, "base": {"ref": "main"}}""";

    private final PullRequestHost host = HostStub.client(github, HostKind.GITHUB, "/api/v3", "shop/config");

    @Test
    void opensAPullRequestAsTheRestApiDocumentsIt() {
        github.stubFor(withGitHubHeaders(post(urlPathEqualTo(PULLS)))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson("""
                        {"title": "Promote web to 1.2.5", "body": "web:1.2.4 -> web:1.2.5",
                         "head": "plumbline/promote/web/web", "base": "main"}"""))
                .willReturn(aResponse()
                        .withStatus(201)
                        .withHeader("Content-Type", "application/json")
                        .withBody(PULL_7.replace("1.2.4", "1.2.5"))));

        PullRequest opened = host.open(DRAFT);

        assertThat(opened)
                .isEqualTo(new PullRequest(
                        7,
                        "https://github.example/shop/config/pull/7",
                        "plumbline/promote/web/web",
                        "Promote web to 1.2.5"));
    }

    @Test
    void findsTheOpenPullRequestOfTheBranchAndUpdatesItInsteadOfOpeningAnother() {
        github.stubFor(withGitHubHeaders(get(urlPathEqualTo(PULLS)))
                .withQueryParam("state", equalTo("open"))
                .withQueryParam("head", equalTo("shop:plumbline/promote/web/web"))
                .willReturn(okJson("[" + PULL_7 + "]")));
        github.stubFor(withGitHubHeaders(patch(urlPathEqualTo(PULLS + "/7")))
                .withRequestBody(equalToJson("""
                        {"title": "Promote web to 1.2.5", "body": "web:1.2.4 -> web:1.2.5"}"""))
                .willReturn(okJson(PULL_7.replace("1.2.4", "1.2.5"))));

        Optional<PullRequest> open = host.findOpen(DRAFT.branch());
        PullRequest updated = host.update(open.orElseThrow().number(), DRAFT);

        assertThat(updated.number()).isEqualTo(7);
        assertThat(updated.title()).isEqualTo("Promote web to 1.2.5");
        github.verify(0, postRequestedFor(urlPathEqualTo(PULLS)));
    }

    @Test
    void noOpenPullRequestFromTheBranchIsEmpty() {
        github.stubFor(withGitHubHeaders(get(urlPathEqualTo(PULLS)))
                .withQueryParam("head", equalTo("shop:plumbline/promote/web/web"))
                .willReturn(okJson("[]")));

        assertThat(host.findOpen(DRAFT.branch())).isEmpty();
    }

    @Test
    void approversAreTheReviewersWhoseLatestDecisionIsAnApproval() {
        github.stubFor(
                withGitHubHeaders(get(urlPathEqualTo(PULLS + "/7/reviews"))).willReturn(okJson("""
                        [{"user": {"login": "alice"}, "state": "APPROVED"},
                         {"user": {"login": "bob"}, "state": "APPROVED"},
                         {"user": {"login": "dave"}, "state": "CHANGES_REQUESTED"},
                         {"user": {"login": "bob"}, "state": "CHANGES_REQUESTED"},
                         {"user": {"login": "carol"}, "state": "COMMENTED"},
                         {"user": {"login": "dave"}, "state": "APPROVED"},
                         {"user": {"login": "alice"}, "state": "COMMENTED"}]""")));

        assertThat(host.approvers(7)).containsExactly("alice", "dave");
    }

    @Test
    void aRefusedTokenNamesTheScopeItNeedsAndNeverTheToken() {
        github.stubFor(post(urlPathEqualTo(PULLS))
                .willReturn(aResponse().withStatus(401).withBody("{\"message\": \"Bad credentials\"}")));

        HostException refused = catchThrowableOfType(HostException.class, () -> host.open(DRAFT));

        assertThat(refused.getMessage())
                .contains("GitHub", "shop/config", "HTTP 401", "Bad credentials", "Pull requests and Contents")
                .doesNotContain(TOKEN);
        assertThat(refused.retryable()).isFalse();
    }

    @Test
    void aMissingBranchShowsWhatGitHubSaid() {
        github.stubFor(post(urlPathEqualTo(PULLS))
                .willReturn(aResponse().withStatus(422).withBody("""
                {"message": "Validation Failed",
                 "errors": [{"resource": "PullRequest", "field": "head", "code": "invalid"},
                            {"message": "No commits between main and plumbline/promote/web/web"}]}""")));

        HostException refused = catchThrowableOfType(HostException.class, () -> host.open(DRAFT));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.getMessage())
                .contains("HTTP 422", "Validation Failed", "No commits between", "branch is pushed");
    }

    @Test
    void anUnknownProjectAsksToCheckTheProjectSetting() {
        github.stubFor(get(urlPathEqualTo(PULLS))
                .willReturn(aResponse().withStatus(404).withBody("{\"message\": \"Not Found\"}")));

        HostException missing = catchThrowableOfType(HostException.class, () -> host.findOpen(DRAFT.branch()));

        assertThat(missing.getMessage()).contains("HTTP 404", "project setting (owner/repository, here shop/config)");
    }

    private static MappingBuilder withGitHubHeaders(MappingBuilder request) {
        return request.withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .withHeader("Accept", equalTo("application/vnd.github+json"))
                .withHeader("X-GitHub-Api-Version", equalTo("2022-11-28"));
    }
}
