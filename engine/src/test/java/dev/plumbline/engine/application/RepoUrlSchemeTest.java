package dev.plumbline.engine.application;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RepoUrlSchemeTest {

    @ParameterizedTest(name = "{0} may be fetched")
    @ValueSource(
            strings = {
                "https://git.acme.com/team-a/web.git",
                "HTTP://127.0.0.1:8080/web.git",
                "ssh://git@git.acme.com:2222/team-a/web.git",
                "git@github.com:shop/deploy.git",
                "github.com:shop/deploy.git"
            })
    void httpsHttpAndSshUrlsAreAllowed(String url) {
        assertThat(RepoUrlScheme.refusal(url)).isEmpty();
    }

    @ParameterizedTest(name = "{0} is refused")
    @ValueSource(
            strings = {
                "file:///var/lib/plumbline/git-watcher/repos/0123456789abcdef",
                "FILE:///etc",
                "/var/lib/plumbline/git-watcher/repos/0123456789abcdef",
                "../repos/0123456789abcdef",
                "repos/0123456789abcdef",
                "C:/data/repos/x",
                "C:\\data\\repos\\x",
                "git://git.acme.com/team-a/web.git",
                "ext::sh -c touch% /tmp/pwned",
                "https:///no-host",
                "ssh://-oProxyCommand=touch/x"
            })
    void localPathsFileUrlsAndOtherSchemesAreRefusedNamingWhatIsAllowed(String url) {
        assertThat(RepoUrlScheme.refusal(url))
                .get()
                .asString()
                .startsWith("repoURL must be https://, http:// (unencrypted) or ssh://");
    }

    @ParameterizedTest(name = "the password of {0} is not repeated")
    @ValueSource(strings = {"git://bot:hunter2@git.acme.com/x.git"})
    void aRefusalDoesNotRepeatThePassword(String url) {
        assertThat(RepoUrlScheme.refusal(url)).get().asString().doesNotContain("hunter2");
    }
}
