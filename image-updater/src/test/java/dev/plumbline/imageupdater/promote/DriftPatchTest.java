package dev.plumbline.imageupdater.promote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DriftPatchTest {

    private static String change(String path) {
        return """
                diff --git a/%1$s b/%1$s
                --- a/%1$s
                +++ b/%1$s
                @@ -1 +1 @@
                -replicas: 2
                +replicas: 3
                """.formatted(path);
    }

    @Test
    void aPatchOfTheAppsOwnFilesIsAccepted() {
        assertThat(DriftPatch.files(change("apps/web/deployment.yaml"), "apps/web"))
                .containsExactly("apps/web/deployment.yaml");
    }

    @Test
    void aPatchReachingOutsideTheAppOrTheCheckoutIsRefusedNamingTheFile() {
        assertThatThrownBy(() -> DriftPatch.files(change("apps/api/deployment.yaml"), "apps/web"))
                .hasMessageContaining("apps/api/deployment.yaml")
                .hasMessageContaining("outside the app's path");
        assertThatThrownBy(() -> DriftPatch.files(change("apps/web/../../etc/passwd"), "apps/web"))
                .hasMessageContaining("leaves the checkout");
        assertThatThrownBy(() -> DriftPatch.files(change("apps/web/.git/config"), "apps/web"))
                .hasMessageContaining(".git");
    }

    @Test
    void somethingThatIsNoDiffIsRefused() {
        assertThatThrownBy(() -> DriftPatch.files("just words", "apps/web")).hasMessageContaining("no file");
        assertThatThrownBy(() -> DriftPatch.files("", "apps/web")).hasMessageContaining("empty");
    }
}
