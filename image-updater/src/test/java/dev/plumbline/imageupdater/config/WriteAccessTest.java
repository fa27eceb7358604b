package dev.plumbline.imageupdater.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class WriteAccessTest {

    private static WriteAccess access(String name, String url, String project) {
        return new WriteAccess(name, url, "bot", "s3cret", "gitea", "http://git.example/api/v1", null, project);
    }

    @Test
    void theMostSpecificCredentialWinsAndNoneCoversAnotherHost() {
        WriteAccess server = access("server", "http://git.example", "plumbline/{repo}");
        WriteAccess one = access("one", "http://git.example/promotion.git", "acme/promotion");

        assertThat(WriteAccess.forRepository(List.of(server, one), "http://git.example/promotion.git"))
                .contains(one);
        assertThat(WriteAccess.forRepository(List.of(server, one), "http://git.example/demo.git"))
                .contains(server);
        assertThat(WriteAccess.forRepository(List.of(server, one), "http://git.example.evil/demo.git"))
                .isEmpty();
    }

    @Test
    void theProjectIsSetTakenFromARepoPlaceholderOrFromThePath() {
        assertThat(access("s", "http://git.example", "plumbline/{repo}").projectFor("http://git.example/demo.git"))
                .contains("plumbline/demo");
        assertThat(access("g", "https://github.com", null).projectFor("https://github.com/Shop/deploy.git"))
                .contains("Shop/deploy");
        assertThat(access("g", "https://github.com", null).opensPullRequests("https://github.com/deploy.git"))
                .as("one path segment names no project")
                .isFalse();
        assertThat(access("s", "http://git.example", "bot-token-free").toString())
                .doesNotContain("s3cret");
    }
}
