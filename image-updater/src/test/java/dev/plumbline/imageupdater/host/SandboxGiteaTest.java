package dev.plumbline.imageupdater.host;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plumbline.imageupdater.gitwrite.GitWriter;
import dev.plumbline.imageupdater.gitwrite.PendingCommit;
import dev.plumbline.imageupdater.gitwrite.SandboxRepository;
import dev.plumbline.imageupdater.gitwrite.WriteCredential;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Gitea client against the sandbox Git server, which the one-machine run and the demo use as their host. */
class SandboxGiteaTest {

    private static final String FILE = "values.yaml";
    private static final String BRANCH = "plumbline/promote/web/web";
    private static final String TOKEN = SandboxRepository.WRITER.password();

    @TempDir
    Path folder;

    @Test
    void aPromotionIsOpenedUpdatedApprovedAndMergedThroughTheSandboxsGiteaApi() throws Exception {
        try (SandboxRepository config = new SandboxRepository(folder, FILE, "image: web:1.2.4\n")) {
            GitWriter writer = new GitWriter(
                    folder.resolve("work"),
                    config.url(),
                    new WriteCredential(SandboxRepository.WRITER.username(), TOKEN),
                    "Plumbline",
                    "plumbline@localhost");
            writer.pushToBranch("main", BRANCH, checkout -> {
                Files.writeString(checkout.resolve(FILE), "image: web:1.2.5\n");
                return Optional.of(new PendingCommit(List.of(FILE), "Promote web to 1.2.5\n"));
            });
            PullRequestHost host = PullRequestHosts.of(
                    HostKind.GITEA,
                    URI.create(config.serverUrl() + "/api/v1"),
                    "plumbline/config",
                    TOKEN,
                    PullRequestHosts.httpClient());

            assertThat(host.findOpen(BRANCH)).isEmpty();
            PullRequest opened =
                    host.open(new PullRequestDraft("Promote web to 1.2.5", "1.2.4 -> 1.2.5", BRANCH, "main"));
            PullRequest updated = host.update(
                    opened.number(), new PullRequestDraft("Promote web to 1.2.6", "1.2.4 -> 1.2.6", BRANCH, "main"));

            assertThat(host.findOpen(BRANCH)).contains(updated);
            assertThat(updated.url()).isEqualTo(config.serverUrl() + "/plumbline/config/pulls/1");
            assertThat(host.approvers(opened.number())).isEmpty();

            assertThat(call(config, "/pulls/1/reviews", "{\"event\": \"APPROVED\"}"))
                    .isEqualTo(200);
            assertThat(host.approvers(opened.number())).containsExactly("plumbline");

            assertThat(call(config, "/pulls/1/merge", "{\"Do\": \"merge\"}")).isEqualTo(200);
            assertThat(host.findOpen(BRANCH)).isEmpty();
            assertThat(config.content(config.head("main"), FILE)).isEqualTo("image: web:1.2.5\n");
        }
    }

    private static int call(SandboxRepository config, String path, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create(config.serverUrl() + "/api/v1/repos/plumbline/config" + path))
                .header("Authorization", "token " + TOKEN)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return HttpClient.newHttpClient()
                .send(request, HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }
}
