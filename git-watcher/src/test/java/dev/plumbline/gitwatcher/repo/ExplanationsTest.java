package dev.plumbline.gitwatcher.repo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExplanationsTest {

    private static final String SHA = "1a2b3c4d5e6f" + "0".repeat(28);
    private static final WatchingApplication WEB =
            new WatchingApplication("web", "https://x/r", "main", "overlays/production", "default", List.of());

    @Test
    void aCommitOutsideEveryPathNamesWhatItChangedAndWhatIsWatched() {
        assertThat(Explanations.outsideEveryPath(
                        SHA, List.of("overlays/prod/web.yaml"), List.of(WEB), Map.of("main", "refs/heads/main")))
                .isEqualTo(
                        "commit 1a2b3c4 changed overlays/prod/web.yaml; "
                                + "no Application watches that path; Application web watches overlays/production on branch main");
    }

    @Test
    void manyPathsAndManyApplicationsAreListedShortly() {
        WatchingApplication api = new WatchingApplication("api", "https://x/r", "HEAD", "", "default", List.of());
        String text = Explanations.outsideEveryPath(
                SHA, List.of("a", "b", "c", "d", "e", "f", "g"), List.of(api, WEB), Map.of("HEAD", "refs/heads/trunk"));

        assertThat(text)
                .isEqualTo("commit 1a2b3c4 changed a, b, c, d, e and 2 more; no Application watches those "
                        + "paths; Application api watches the whole repository on the default branch trunk; "
                        + "Application web watches overlays/production on revision main");
    }

    @Test
    void aCommitOnAnUnwatchedBranchSaysSo() {
        assertThat(Explanations.unwatchedRef(
                        SHA, "refs/heads/feature", List.of(WEB), Map.of("main", "refs/heads/main")))
                .isEqualTo("commit 1a2b3c4 landed on branch feature, which no Application watches; "
                        + "Application web watches overlays/production on branch main");
    }

    @ParameterizedTest(name = "path \"{0}\" covers {1}: {2}")
    @CsvSource({
        "apps/web, apps/web/deploy.yaml, true",
        "./apps/web/, apps/web/deploy.yaml, true",
        "apps/web, apps/web2/deploy.yaml, false",
        "apps/web, apps/web, true",
        "'', anything/at/all.yaml, true",
        "., README.md, true",
        "apps, overlays/prod/web.yaml, false",
    })
    void anApplicationsPathCoversTheFilesBelowIt(String appPath, String changed, boolean covered) {
        assertThat(PathCoverage.covers(appPath, changed)).isEqualTo(covered);
    }
}
