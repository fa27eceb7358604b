package dev.plumbline.gitwatcher.repo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RepoCredentialsTest {

    private static RepoCredentials forPrefix(String prefix) {
        return new RepoCredentials("acme", prefix, "bot", "s3cret", null, null, null);
    }

    @Test
    void credentialsApplyToTheRepositoriesUnderTheirPrefixAndToNoOther() {
        RepoCredentials acme = forPrefix("https://git.acme.com");

        assertThat(acme.appliesTo("https://git.acme.com/team-a/web.git")).isTrue();
        assertThat(acme.appliesTo("HTTPS://Git.Acme.com/team-a/web.git")).isTrue();
        assertThat(acme.appliesTo("https://git.acme.com:443/team-a/web.git")).isTrue();
        assertThat(acme.appliesTo("http://git.acme.com/team-a/web.git")).isFalse();
        assertThat(acme.appliesTo("https://git.acme.com:8443/team-a/web.git")).isFalse();
    }

    @Test
    void aHostThatOnlyStartsWithThePrefixsHostGetsNoToken() {
        RepoCredentials acme = forPrefix("https://git.acme.com");

        assertThat(acme.appliesTo("https://git.acme.com@evil.example/x.git"))
                .as("the host is evil.example; git.acme.com is only the user")
                .isFalse();
        assertThat(acme.appliesTo("https://git.acme.com.evil.example/x.git")).isFalse();
        assertThat(acme.appliesTo("https://git.acme.community/x.git")).isFalse();
    }

    @Test
    void aPathPrefixMatchesWholeSegmentsOnly() {
        RepoCredentials teamA = forPrefix("https://git.acme.com/team-a/");

        assertThat(teamA.appliesTo("https://git.acme.com/team-a/web.git")).isTrue();
        assertThat(teamA.appliesTo("https://git.acme.com/team-a")).isTrue();
        assertThat(teamA.appliesTo("https://git.acme.com/team-ab/web.git")).isFalse();
        assertThat(forPrefix("https://git.acme.com/team-a").appliesTo("https://git.acme.com/team-ab/web.git"))
                .isFalse();
        assertThat(teamA.appliesTo("https://git.acme.com/team-a/../team-b/web.git"))
                .isFalse();
    }

    @Test
    void sshCredentialsMatchScpStyleAndSshUrlsOfTheSameHost() {
        RepoCredentials ssh = forPrefix("git@git.acme.com:team-a");

        assertThat(ssh.appliesTo("git@git.acme.com:team-a/web.git")).isTrue();
        assertThat(ssh.appliesTo("ssh://git@git.acme.com/team-a/web.git")).isTrue();
        assertThat(ssh.appliesTo("ssh://git@git.acme.com:22/team-a/web.git")).isTrue();
        assertThat(ssh.appliesTo("git@git.acme.com.evil.example:team-a/web.git"))
                .isFalse();
        assertThat(ssh.appliesTo("https://git.acme.com/team-a/web.git")).isFalse();
        assertThat(ssh.appliesTo("deploy@git.acme.com:team-a/web.git"))
                .as("another user on the same host has other credentials")
                .isFalse();
    }

    @Test
    void aPrefixOrUrlThatIsNotAUrlMatchesNothing() {
        assertThat(forPrefix("not a url").appliesTo("https://git.acme.com/x.git"))
                .isFalse();
        assertThat(forPrefix("https://git.acme.com").appliesTo("::::")).isFalse();
    }
}
