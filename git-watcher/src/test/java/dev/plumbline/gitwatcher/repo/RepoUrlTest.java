package dev.plumbline.gitwatcher.repo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plumbline.events.ApplicationSpec;
import dev.plumbline.events.application.Destination;
import dev.plumbline.events.application.SourceSpec;
import dev.plumbline.events.testing.TestProjects;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RepoUrlTest {

    @ParameterizedTest(name = "{0} and {1} are one repository")
    @CsvSource({
        "https://github.com/Shop/Deploy.git, https://github.com/shop/deploy",
        "https://github.com/shop/deploy/, https://GITHUB.com/shop/deploy.git",
        "https://user:token@github.com/shop/deploy, https://github.com/shop/deploy",
    })
    void spellingsOfOneRepositoryShareOneMirror(String a, String b) {
        assertThat(RepoUrl.of(a).key()).isEqualTo(RepoUrl.of(b).key());
        assertThat(RepoUrl.of(a).normalized()).doesNotContain("token");
    }

    @ParameterizedTest(name = "a payload naming {1} matches the watched {0}")
    @CsvSource({
        "https://gitlab.example.com/mike/diaspora.git, git@gitlab.example.com:mike/diaspora.git",
        "https://gitlab.example.com/mike/diaspora.git, ssh://git@gitlab.example.com:2222/mike/diaspora.git",
        "https://bitbucket.org/team/repo.git, https://bitbucket.org/team/repo",
        "git@github.com:shop/deploy.git, https://github.com/shop/deploy",
    })
    void httpsAndSshUrlsOfOneRepositoryMatch(String watched, String payload) {
        assertThat(RepoUrl.matchKeyOf(payload)).contains(RepoUrl.of(watched).matchKey());
    }

    @Test
    void theKeyIsSixteenHexDigitsAndOtherTextIsNoKey() {
        String key = RepoUrl.of("https://github.com/shop/deploy").key();

        assertThat(key).hasSize(16).matches("[0-9a-f]{16}");
        assertThat(RepoUrl.isKey(key)).isTrue();
        assertThat(RepoUrl.isKey("../../etc/passwd")).isFalse();
        assertThat(RepoUrl.isKey(key.toUpperCase())).isFalse();
    }

    @Test
    void textThatIsNotAUrlIsRefusedWithoutEchoingAPassword() {
        assertThatThrownBy(() -> RepoUrl.of("https://user:hunter2@ bad host/x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("hunter2");
        assertThat(RepoUrl.matchKeyOf("not a url at all ::")).isEmpty();
    }

    @Test
    void applicationsAreGroupedByRepositoryWhateverTheSpelling() {
        WatchSet set = WatchSet.of(List.of(
                app("web", "https://github.com/shop/deploy.git", "main", "apps/web"),
                app("api", "https://github.com/Shop/deploy", "v1.2.0", "./apps/api/"),
                app("bad", "https://user@ bad/x", "main", "")));

        assertThat(set.repos()).hasSize(1);
        WatchedRepo repo = set.repos().iterator().next();
        assertThat(repo.watchers()).extracting(WatchingApplication::app).containsExactly("api", "web");
        assertThat(repo.watchers().get(0).path()).isEqualTo("apps/api");
        assertThat(repo.spellings())
                .containsExactly("https://github.com/Shop/deploy", "https://github.com/shop/deploy.git");
        assertThat(set.byUrl("git@github.com:shop/deploy.git")).contains(repo);
        assertThat(set.rejected()).singleElement().asString().startsWith("bad: ");
    }

    @Test
    void anApplicationNamingAnotherTeamsMirrorByFileUrlOrLocalPathIsNotWatched() {
        WatchSet set = WatchSet.of(List.of(
                app("by-file-url", "file:///var/lib/plumbline/git-watcher/repos/0123456789abcdef", "main", ""),
                app("by-path", "/var/lib/plumbline/git-watcher/repos/0123456789abcdef", "main", ""),
                app("by-relative-path", "repos/0123456789abcdef", "main", "")));

        assertThat(set.repos()).isEmpty();
        assertThat(set.rejected())
                .hasSize(3)
                .allSatisfy(reason -> assertThat(reason).contains("repoURL must be https://, http://"));
        assertThatThrownBy(() -> RepoUrl.of("file:///etc")).hasMessageContaining("local paths and file:// are refused");
    }

    static ApplicationSpec app(String name, String url, String revision, String path) {
        return ApplicationSpec.of(
                        name,
                        "plumbline",
                        1,
                        SourceSpec.of(url, revision, path),
                        Destination.of("default"),
                        null,
                        null,
                        null,
                        null,
                        null,
                        null)
                .withProject(TestProjects.allowingEverything());
    }
}
