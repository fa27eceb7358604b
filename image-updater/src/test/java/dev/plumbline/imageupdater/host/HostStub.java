package dev.plumbline.imageupdater.host;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.net.URI;

/** A WireMock server playing one Git host's API under a path prefix, and the client pointed at it. */
final class HostStub {

    static final String TOKEN = "tok-3f9a1c";
    static final PullRequestDraft DRAFT =
            new PullRequestDraft("Promote web to 1.2.5", "web:1.2.4 -> web:1.2.5", "plumbline/promote/web/web", "main");

    private HostStub() {}

    static PullRequestHost client(WireMockExtension wire, HostKind host, String prefix, String project) {
        return PullRequestHosts.of(
                host, URI.create(wire.baseUrl() + prefix), project, TOKEN, PullRequestHosts.httpClient());
    }
}
