package dev.plumbline.engine.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RepoLocationTest {

    @Test
    void aPrefixCoversTheRepositoriesUnderItsWholeSegmentsOnTheSameSchemeHostAndPort() {
        assertThat(RepoLocation.covers("https://git.acme.com/team-a", "HTTPS://Git.Acme.com:443/team-a/web.git"))
                .isTrue();
        assertThat(RepoLocation.covers("https://git.acme.com/team-a", "https://git.acme.com/team-ab/web.git"))
                .isFalse();
        assertThat(RepoLocation.covers("https://git.acme.com", "http://git.acme.com/team-a/web.git"))
                .isFalse();
        assertThat(RepoLocation.covers("https://git.acme.com", "https://git.acme.com@evil.example/x.git"))
                .as("the host is evil.example")
                .isFalse();
        assertThat(RepoLocation.covers("https://git.acme.com/team-a", "https://git.acme.com/team-a/../b/web.git"))
                .isFalse();
    }

    @Test
    void scpLikeAddressesAreSshUrls() {
        assertThat(RepoLocation.covers("ssh://git@git.acme.com/team-a", "git@git.acme.com:team-a/web.git"))
                .isTrue();
    }

    @Test
    void anErrorAboutABadUrlShowsNoPassword() {
        assertThatThrownBy(() -> RepoLocation.uri("https://bot:hunter2@ bad host/x"))
                .hasMessageNotContaining("hunter2");
        assertThat(RepoLocation.of("not a url ::")).isEmpty();
        assertThat(RepoLocation.of("https://bot:token@git.acme.com/x")
                        .orElseThrow()
                        .toString())
                .doesNotContain("token");
    }
}
