package dev.plumbline.gitwatcher.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Starts a sandbox Git server for the service under test and gives the git-watcher credentials for exactly that
 * server: a credentials URL without a port means the scheme's default port, so the URL names the server's own port.
 * A test reaches the same server through {@code SandboxGit.served(folder, url)} with the two settings below.
 */
public class SandboxGitResource implements QuarkusTestResourceLifecycleManager {

    /** The server's base URL, for the test. */
    public static final String URL = "plumbline.credentials.sandbox.url";

    /** The folder of the served repositories, for the test. */
    public static final String FOLDER = "sandbox-git.folder";

    private SandboxGit git;

    @Override
    public Map<String, String> start() {
        git = new SandboxGit();
        return Map.of(
                URL,
                git.url(),
                "plumbline.credentials.sandbox.username",
                SandboxGit.USER,
                "plumbline.credentials.sandbox.password",
                SandboxGit.PASSWORD,
                FOLDER,
                git.folder().toString());
    }

    @Override
    public void stop() {
        if (git != null) {
            git.close();
        }
    }
}
