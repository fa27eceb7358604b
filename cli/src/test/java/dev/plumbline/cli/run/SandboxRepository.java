package dev.plumbline.cli.run;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;

/** A configuration repository on a run's sandbox Git server, written the way a person would: clone, commit, push. */
final class SandboxRepository {

    private static final String NAME = "config";

    private final Map<String, String> run;
    private final Path gitRoot;

    SandboxRepository(Map<String, String> run, Path gitRoot) {
        this.run = run;
        this.gitRoot = gitRoot;
    }

    /** Pushes one ConfigMap under {@code path} to branch main, and returns the repository's URL. */
    String pushDeployment(String namespace, String path) throws Exception {
        // the server serves every bare repository under its root
        Git.init().setBare(true).setInitialBranch("main").setDirectory(gitRoot.resolve(NAME + ".git").toFile()).call()
                .close();
        String url = run.get("GIT_SERVER_URL") + "/" + NAME + ".git";
        Path work = Files.createTempDirectory("plumbline-config");
        UsernamePasswordCredentialsProvider credentials =
                new UsernamePasswordCredentialsProvider(run.get("GIT_USERNAME"), run.get("GIT_PASSWORD"));
        try (Git git = Git.cloneRepository().setURI(url).setDirectory(work.toFile())
                .setCredentialsProvider(credentials).call()) {
            Path file = work.resolve(path).resolve("settings.yaml");
            Files.createDirectories(file.getParent());
            Files.writeString(file, """
                    apiVersion: v1
                    kind: ConfigMap
                    metadata:
                      name: web-settings
                      namespace: %s
                    data:
                      greeting: hello
                    """.formatted(namespace), StandardCharsets.UTF_8);
            git.add().addFilepattern(".").call();
            PersonIdent ana = new PersonIdent("Ana Lima", "ana@example.com");
            git.commit().setAuthor(ana).setCommitter(ana).setMessage("web: first settings").call();
            git.push().setCredentialsProvider(credentials).setRefSpecs(new RefSpec("HEAD:refs/heads/main")).call();
        }
        return url;
    }
}
