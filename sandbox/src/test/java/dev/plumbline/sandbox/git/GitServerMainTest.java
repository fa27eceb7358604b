package dev.plumbline.sandbox.git;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("slow")
class GitServerMainTest {

    /** The logging a standalone run gets: the test class path also holds the JBoss provider, which stays silent. */
    private static final String STANDALONE_LOGGING = "org.slf4j.simple.SimpleServiceProvider";

    private static final Pattern READY = Pattern.compile("git ready at (http://127\\.0\\.0\\.1:\\d+) root=(.+)");

    @TempDir
    Path root;

    @Test
    void runsAsItsOwnJvmWithCredentialsFromTheEnvironmentAndStopsOnSigterm() throws Exception {
        new GitServer(root).createBareRepository("team/app");
        ProcessBuilder launcher = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Dslf4j.provider=" + STANDALONE_LOGGING,
                        "-cp",
                        System.getProperty("java.class.path"),
                        GitServerMain.class.getName(),
                        "--root",
                        root.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT);
        launcher.environment().put("GIT_USERNAME", "ops");
        launcher.environment().put("GIT_PASSWORD", "from-env");
        Process server = launcher.start();
        try {
            BufferedReader stdout =
                    new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
            String readyLine =
                    CompletableFuture.supplyAsync(() -> readLine(stdout)).get(30, TimeUnit.SECONDS);

            Matcher ready = READY.matcher(readyLine);
            assertThat(ready.matches()).as(readyLine).isTrue();
            assertThat(ready.group(2))
                    .isEqualTo(root.toAbsolutePath().normalize().toString());
            assertThat(Git.lsRemoteRepository()
                            .setRemote(ready.group(1) + "/team/app.git")
                            .setCredentialsProvider(new UsernamePasswordCredentialsProvider("ops", "from-env"))
                            .call())
                    .isEmpty();

            server.destroy();
            assertThat(server.waitFor(30, TimeUnit.SECONDS))
                    .as("stopped after SIGTERM")
                    .isTrue();
        } finally {
            server.destroyForcibly();
        }
    }

    private static String readLine(BufferedReader reader) {
        try {
            return reader.readLine();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
