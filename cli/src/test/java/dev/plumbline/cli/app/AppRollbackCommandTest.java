package dev.plumbline.cli.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plumbline.cli.testing.Plumb;
import dev.plumbline.cli.testing.SandboxApplications;
import dev.plumbline.sandbox.git.BasicCredentials;
import dev.plumbline.sandbox.git.GitServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AppRollbackCommandTest {

    private static final BasicCredentials CREDENTIALS = new BasicCredentials("plumbline", "s3cret");

    @TempDir
    static Path folder;

    static SandboxApplications cluster;
    static GitServer git;
    static Path bare;
    static Path work;
    static Map<String, String> environment;
    static RevCommit first;
    static RevCommit second;
    static RevCommit third;

    @BeforeAll
    static void start() throws Exception {
        cluster = new SandboxApplications(folder);
        git = new GitServer(folder.resolve("git"), CREDENTIALS).start();
        bare = git.createBareRepository("config");
        environment = new HashMap<>(cluster.environment());
        environment.put("GIT_USERNAME", CREDENTIALS.username());
        environment.put("GIT_PASSWORD", CREDENTIALS.password());
        work = folder.resolve("work");
        try (Git clone = Git.cloneRepository()
                .setURI(url())
                .setDirectory(work.toFile())
                .setCredentialsProvider(credentials())
                .call()) {
            first = commit(
                    clone,
                    "shop: first version",
                    Map.of("apps/shop/web.yaml", "replicas: 1\n", "apps/other/app.yaml", "other: 1\n"));
            second = commit(clone, "shop: scale to 3", Map.of("apps/shop/web.yaml", "replicas: 3\n"));
            third = commit(
                    clone,
                    "shop: a bad config and a new file",
                    Map.of(
                            "apps/shop/web.yaml",
                            "replicas: 0\n",
                            "apps/shop/extra.yaml",
                            "extra: true\n",
                            "apps/other/app.yaml",
                            "other: 2\n"));
            clone.tag().setName("v1").setObjectId(first).call();
            clone.push().setCredentialsProvider(credentials()).setPushTags().call();
        }
        String status = """
                {"sync": {"status": "synced", "revision": "%1$s"},
                 "history": [
                   {"syncId": "s3", "revision": "%1$s", "trigger": "automated", "initiatedBy": "plumbline",
                    "result": "succeeded", "applied": 1, "pruned": 0},
                   {"syncId": "s2b", "revision": "%2$s", "trigger": "automated", "initiatedBy": "plumbline",
                    "result": "failed", "applied": 0, "pruned": 0},
                   {"syncId": "s2", "revision": "%2$s", "trigger": "automated", "initiatedBy": "plumbline",
                    "result": "succeeded", "applied": 1, "pruned": 0}]}
                """.formatted(third.name(), second.name());
        cluster.create("shop", spec("main"), status);
        cluster.create("pinned", spec("v1"), status);
    }

    @AfterAll
    static void stop() {
        git.close();
        cluster.close();
    }

    @Test
    void rollbackPushesOneCommitRestoringTheAppsFolderToTheLastGoodSync() throws Exception {
        Plumb.Run run = Plumb.run(environment, "app", "rollback", "shop", "--as", "alice");

        assertThat(run.exitCode()).as(run.err()).isZero();
        try (Repository repository = Git.open(bare.toFile()).getRepository();
                RevWalk walk = new RevWalk(repository)) {
            RevCommit pushed = walk.parseCommit(repository.resolve("refs/heads/main"));
            assertThat(pushed.getParents()).containsExactly(third);
            assertThat(files(repository, pushed))
                    .isEqualTo(Map.of(
                            "apps/shop/web.yaml", "replicas: 3\n",
                            // a file added after the revision goes; the rest of the repository stays as the branch has
                            // it
                            "apps/other/app.yaml", "other: 2\n"));
            assertThat(pushed.getFullMessage())
                    .isEqualTo("Revert shop to " + second.abbreviate(7).name() + "\n\n"
                            + "Restores apps/shop/ to its content at " + second.name() + " (\"shop: scale to 3\").\n\n"
                            + "This reverts commit " + third.name() + ".\n\n"
                            + "Requested-by: alice\n");
            assertThat(run.out()).startsWith("Pushed " + pushed.abbreviate(7).name() + " to main of " + url() + ":");
            resetTo(repository, third);
        }
    }

    @Test
    void aRollbackThatChangesNothingIsRefusedAndPushesNothing() throws Exception {
        Plumb.Run run = Plumb.run(environment, "app", "rollback", "shop", third.name());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err())
                .isEqualTo("rollback: nothing to roll back: apps/shop/ on main is already as it was at "
                        + third.abbreviate(7).name() + "\n");
        try (Repository repository = Git.open(bare.toFile()).getRepository()) {
            assertThat(repository.resolve("refs/heads/main")).isEqualTo(third.getId());
        }
    }

    @Test
    void anAppPinnedToATagCannotBeRolledBackByACommit() {
        Plumb.Run run = Plumb.run(environment, "app", "rollback", "pinned", first.name());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("rollback: the app follows v1, which is not a branch of " + url());
    }

    private static String spec(String targetRevision) {
        return """
                {"source": {"repoURL": "%s", "targetRevision": "%s", "path": "apps/shop"},
                 "destination": {"namespace": "shop"}}
                """.formatted(url(), targetRevision);
    }

    private static RevCommit commit(Git clone, String message, Map<String, String> files) throws Exception {
        for (Map.Entry<String, String> file : files.entrySet()) {
            Path path = work.resolve(file.getKey());
            Files.createDirectories(path.getParent());
            Files.writeString(path, file.getValue());
        }
        if (!files.containsKey("apps/shop/extra.yaml") && Files.exists(work.resolve("apps/shop/extra.yaml"))) {
            Files.delete(work.resolve("apps/shop/extra.yaml"));
        }
        clone.add().addFilepattern(".").call();
        PersonIdent ana = new PersonIdent("Ana Lima", "ana@example.com");
        RevCommit commit = clone.commit()
                .setAuthor(ana)
                .setCommitter(ana)
                .setMessage(message)
                .call();
        clone.push()
                .setCredentialsProvider(credentials())
                .setRefSpecs(new RefSpec("HEAD:refs/heads/main"))
                .call();
        return commit;
    }

    private static Map<String, String> files(Repository repository, RevCommit commit) throws Exception {
        Map<String, String> files = new TreeMap<>();
        try (TreeWalk walk = new TreeWalk(repository)) {
            walk.addTree(commit.getTree());
            walk.setRecursive(true);
            while (walk.next()) {
                files.put(
                        walk.getPathString(),
                        new String(repository.open(walk.getObjectId(0)).getBytes(), StandardCharsets.UTF_8));
            }
        }
        return files;
    }

    /** Puts the branch back, so each test starts from the same history. */
    private static void resetTo(Repository repository, ObjectId commit) throws Exception {
        var update = repository.updateRef("refs/heads/main");
        update.setNewObjectId(commit);
        update.setForceUpdate(true);
        update.update();
    }

    private static String url() {
        return git.repositoryUrl("config");
    }

    private static UsernamePasswordCredentialsProvider credentials() {
        return new UsernamePasswordCredentialsProvider(CREDENTIALS.username(), CREDENTIALS.password());
    }
}
