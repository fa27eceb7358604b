package dev.plumbline.sandbox.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RepositoryRootTest {

    @TempDir
    Path root;

    @ParameterizedTest
    @CsvSource({
        "app, app.git",
        "app.git, app.git",
        "org/app, org/app.git",
        "org/team/app.git, org/team/app.git",
        "my_org/app-1.2, my_org/app-1.2.git"
    })
    void aNameMapsToABareRepositoryFolderEndingInDotGit(String name, String folder) {
        assertThat(new RepositoryRoot(root).folderOf(name)).isEqualTo(root.resolve(folder));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "../outside",
                "org/../../outside",
                "/etc/passwd",
                "org//app",
                "org/app/",
                ".",
                "..",
                ".git",
                "org\\app",
                "org/.hidden",
                "-option",
                "org/app.git/../../x"
            })
    void aNameThatCouldLeaveTheRootIsRefused(String name) {
        assertThatIllegalArgumentException().isThrownBy(() -> new RepositoryRoot(root).folderOf(name));
    }

    @Test
    void anEmptyNameIsRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> new RepositoryRoot(root).folderOf(""));
    }

    @Test
    void aSymbolicLinkToARepositoryOutsideTheRootIsNotFollowed(@TempDir Path elsewhere) throws Exception {
        Path outside = new RepositoryRoot(elsewhere).createBare("secret");
        Path served = root.resolve("served");
        Files.createDirectories(served);
        Files.createSymbolicLink(served.resolve("link.git"), outside);
        RepositoryRoot repositories = new RepositoryRoot(served);

        assertThatThrownBy(() -> repositories.open(null, "link.git"))
                .isInstanceOf(org.eclipse.jgit.errors.RepositoryNotFoundException.class);
    }

    @Test
    void aFolderThatIsNoRepositoryIsNotFound() {
        RepositoryRoot repositories = new RepositoryRoot(root);

        assertThatThrownBy(() -> repositories.open(null, "missing.git"))
                .isInstanceOf(org.eclipse.jgit.errors.RepositoryNotFoundException.class);
        assertThatThrownBy(() -> repositories.open(null, "../outside.git"))
                .isInstanceOf(org.eclipse.jgit.errors.RepositoryNotFoundException.class);
    }
}
