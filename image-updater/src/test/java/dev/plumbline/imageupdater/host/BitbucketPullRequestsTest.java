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

class BitbucketPullRequestsTest {

    @RegisterExtension
    static WireMockExtension bitbucket = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    private static final String PULLS = "/2.0/repositories/shop/config/pullrequests";
    private static final String PULL_12 = """
            {"id": 12, "title": "Promote web to 1.2.4", "state": "OPEN",
             "source": {"branch": {"name": "plumbline/promote/web/web"}}, "destination": {"branch": {"name": "main"}},
             "links": {"html": {"href": "https://bitbucket.org/shop/config/pull-requests/12"}},
             "participants": [
               {"user": {"display_name": "Ada Lovelace", "nickname": "ada"}, "role": "REVIEWER", "approved": true},
               {"user": {"display_name": "Bob Builder", "nickname": "bob"}, "role": "REVIEWER", "approved": false},
               {"user": {"display_name": "Cy Young"}, "role": "PARTICIPANT", "approved": true}]}""";

    private final PullRequestHost host = HostStub.client(bitbucket, HostKind.BITBUCKET, "/2.0", "shop/config");

    @Test
    void opensAPullRequestAsTheApiDocumentsIt() {
        bitbucket.stubFor(post(urlPathEqualTo(PULLS))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson("""
                        {"title": "Promote web to 1.2.5", "description": "web:1.2.4 -> web:1.2.5",
                         "source": {"branch": {"name": "plumbline/promote/web/web"}},
                         "destination": {"branch": {"name": "main"}}}"""))
                .willReturn(aResponse()
                        .withStatus(201)
                        .withHeader("Content-Type", "application/json")
                        .withBody(PULL_12)));

        PullRequest opened = host.open(DRAFT);

        assertThat(opened.number()).isEqualTo(12);
        assertThat(opened.url()).isEqualTo("https://bitbucket.org/shop/config/pull-requests/12");
    }

    @Test
    void findsTheOpenPullRequestByItsSourceBranchAndUpdatesIt() {
        bitbucket.stubFor(get(urlPathEqualTo(PULLS))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .withQueryParam("q", equalTo("source.branch.name=\"plumbline/promote/web/web\" AND state=\"OPEN\""))
                .willReturn(okJson("{\"pagelen\": 10, \"page\": 1, \"size\": 1, \"values\": [" + PULL_12 + "]}")));
        bitbucket.stubFor(put(urlPathEqualTo(PULLS + "/12"))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .withRequestBody(equalToJson("""
                        {"title": "Promote web to 1.2.5", "description": "web:1.2.4 -> web:1.2.5"}"""))
                .willReturn(okJson(PULL_12.replace("1.2.4", "1.2.5"))));

        PullRequest updated =
                host.update(host.findOpen(DRAFT.branch()).orElseThrow().number(), DRAFT);

        assertThat(updated.title()).isEqualTo("Promote web to 1.2.5");
        bitbucket.verify(0, postRequestedFor(urlPathEqualTo(PULLS)));
    }

    @Test
    void approversAreTheParticipantsWhoApproved() {
        bitbucket.stubFor(get(urlPathEqualTo(PULLS + "/12"))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .willReturn(okJson(PULL_12)));

        assertThat(host.approvers(12)).containsExactly("ada", "Cy Young");
    }

    @Test
    void aMissingBranchShowsBitbucketsReason() {
        bitbucket.stubFor(post(urlPathEqualTo(PULLS))
                .willReturn(aResponse().withStatus(400).withBody("""
                {"type": "error", "error": {"message": "source: Branch not found: plumbline/promote/web/web"}}""")));

        HostException refused = catchThrowableOfType(HostException.class, () -> host.open(DRAFT));

        assertThat(refused.getMessage()).contains("Bitbucket Cloud", "shop/config", "HTTP 400", "Branch not found");
        assertThat(refused.retryable()).isFalse();
    }

    @Test
    void theHostsOwnFailureIsRetryable() {
        bitbucket.stubFor(
                get(urlPathEqualTo(PULLS + "/12")).willReturn(aResponse().withStatus(503)));

        HostException failed = catchThrowableOfType(HostException.class, () -> host.approvers(12));

        assertThat(failed.retryable()).isTrue();
        assertThat(failed.getMessage()).contains("HTTP 503", "retried later");
    }
}
