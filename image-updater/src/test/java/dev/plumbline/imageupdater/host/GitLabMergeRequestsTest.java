package dev.plumbline.imageupdater.host;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.plumbline.imageupdater.host.HostStub.DRAFT;
import static dev.plumbline.imageupdater.host.HostStub.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class GitLabMergeRequestsTest {

    @RegisterExtension
    static WireMockExtension gitlab = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    /** The project's full path, URL-encoded as one segment. */
    private static final String MERGE_REQUESTS = "/api/v4/projects/shop%2Fplatform%2Fconfig/merge_requests";

    private static final String REQUEST_3 = """
            {"id": 991, "iid": 3, "web_url": "https://gitlab.example/shop/platform/config/-/merge_requests/3",
             "title": "Promote web to 1.2.4", "state": "opened", "source_branch": "plumbline/promote/web/web",
             "target_branch": "main"}""";

    private final PullRequestHost host = HostStub.client(gitlab, HostKind.GITLAB, "/api/v4", "shop/platform/config");

    @Test
    void opensAMergeRequestAsTheApiDocumentsIt() {
        gitlab.stubFor(post(urlPathEqualTo(MERGE_REQUESTS))
                .withHeader("PRIVATE-TOKEN", equalTo(TOKEN))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson("""
                        {"source_branch": "plumbline/promote/web/web", "target_branch": "main",
                         "title": "Promote web to 1.2.5", "description": "web:1.2.4 -> web:1.2.5"}"""))
                .willReturn(aResponse()
                        .withStatus(201)
                        .withHeader("Content-Type", "application/json")
                        .withBody(REQUEST_3)));

        PullRequest opened = host.open(DRAFT);

        assertThat(opened.number()).isEqualTo(3);
        assertThat(opened.url()).isEqualTo("https://gitlab.example/shop/platform/config/-/merge_requests/3");
        assertThat(opened.branch()).isEqualTo("plumbline/promote/web/web");
    }

    @Test
    void findsTheOpenMergeRequestOfTheBranchAndUpdatesIt() {
        gitlab.stubFor(get(urlPathEqualTo(MERGE_REQUESTS))
                .withHeader("PRIVATE-TOKEN", equalTo(TOKEN))
                .withQueryParam("state", equalTo("opened"))
                .withQueryParam("source_branch", equalTo("plumbline/promote/web/web"))
                .willReturn(okJson("[" + REQUEST_3 + "]")));
        gitlab.stubFor(put(urlPathEqualTo(MERGE_REQUESTS + "/3"))
                .withHeader("PRIVATE-TOKEN", equalTo(TOKEN))
                .withRequestBody(equalToJson("""
                        {"title": "Promote web to 1.2.5", "description": "web:1.2.4 -> web:1.2.5"}"""))
                .willReturn(okJson(REQUEST_3.replace("1.2.4", "1.2.5"))));

        PullRequest updated =
                host.update(host.findOpen(DRAFT.branch()).orElseThrow().number(), DRAFT);

        assertThat(updated.number()).isEqualTo(3);
        assertThat(updated.title()).isEqualTo("Promote web to 1.2.5");
        gitlab.verify(0, postRequestedFor(urlPathEqualTo(MERGE_REQUESTS)));
    }

    @Test
    void approversComeFromTheApprovalState() {
        gitlab.stubFor(get(urlPathEqualTo(MERGE_REQUESTS + "/3/approvals"))
                .withHeader("PRIVATE-TOKEN", equalTo(TOKEN))
                .willReturn(okJson("""
                        {"iid": 3, "approved": true, "approvals_required": 2, "approvals_left": 0,
                         "approved_by": [{"user": {"name": "Ada Lovelace", "username": "ada", "id": 1}},
                                         {"user": {"name": "Grace Hopper", "username": "grace", "id": 2}}]}""")));

        assertThat(host.approvers(3)).containsExactly("ada", "grace");
    }

    @Test
    void aTokenWithoutTheApiScopeSaysWhichScopeIsNeeded() {
        gitlab.stubFor(post(urlPathEqualTo(MERGE_REQUESTS))
                .willReturn(aResponse().withStatus(403).withBody("{\"message\": \"403 Forbidden\"}")));

        HostException refused = catchThrowableOfType(HostException.class, () -> host.open(DRAFT));

        assertThat(refused.getMessage())
                .contains("GitLab", "shop/platform/config", "HTTP 403", "api scope")
                .doesNotContain(TOKEN);
    }

    @Test
    void anExistingMergeRequestForTheBranchIsAConflictWithGitLabsReason() {
        gitlab.stubFor(post(urlPathEqualTo(MERGE_REQUESTS))
                .willReturn(aResponse().withStatus(409).withBody("""
                {"message": ["Another open merge request already exists for this source branch: !3"]}""")));

        HostException refused = catchThrowableOfType(HostException.class, () -> host.open(DRAFT));

        assertThat(refused.getMessage()).contains("HTTP 409", "Another open merge request already exists");
    }
}
