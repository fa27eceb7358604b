package dev.plumbline.cli.app;

import static dev.plumbline.cli.app.AppFields.shortRevision;
import static dev.plumbline.cli.app.AppFields.text;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plumbline.cli.connect.CommandFailedException;
import dev.plumbline.cli.connect.RunEnvironment;
import java.io.PrintWriter;
import java.util.Objects;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "rollback",
        mixinStandardHelpOptions = true,
        description = {
            "Rolls an Application back through Git, never behind its back.",
            "Clones its repository, makes "
                    + "one commit on the branch it follows that restores the app's folder (spec.source.path) to its "
                    + "content at REVISION, and pushes it. Plumbline then applies it as any commit.",
            "The commit is \"Revert <app> to <revision>\", lists the commits it reverts (\"This reverts commit X.\") "
                    + "and carries a Requested-by trailer. Uses GIT_USERNAME and GIT_PASSWORD when set; the author "
                    + "is the one your Git configuration names."
        })
final class AppRollbackCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NAME", description = "The Application's name.")
    String name;

    @Parameters(
            index = "1",
            arity = "0..1",
            paramLabel = "REVISION",
            description = "The commit to go back to (a SHA, short or full); default: the revision of the last "
                    + "successful sync before the current one (see plumb app history).")
    String revision;

    @Option(
            names = "--as",
            paramLabel = "WHO",
            defaultValue = "${sys:user.name}",
            description = "Who asks, for the Requested-by trailer (default: your user name, ${DEFAULT-VALUE}).")
    String requestedBy;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        RunEnvironment environment = RunEnvironment.of(spec);
        JsonNode app;
        try (Applications applications = new Applications(environment)) {
            app = applications.get(name);
        }
        String repoUrl = text(app, "spec", "source", "repoURL");
        String path = normalisedPath(text(app, "spec", "source", "path"));
        String target = revision != null ? revision : previousSuccessfulRevision(app);
        String branch = GitRollback.branchOf(
                repoUrl, text(app, "spec", "source", "targetRevision"), environment.gitCredentials());
        GitRollback.Pushed pushed = new GitRollback(repoUrl, branch, path, environment.gitCredentials())
                .revertTo(name, target, requestedBy);
        out.println("Pushed " + shortRevision(pushed.commit()) + " to " + branch + " of " + repoUrl + ":");
        pushed.message().lines().forEach(line -> out.println("    " + line));
        out.println("Plumbline applies it as it applies any commit; follow it with: plumb app get " + name);
        out.flush();
        return 0;
    }

    /** The revision of the newest successful sync that is not of the current revision. */
    static String previousSuccessfulRevision(JsonNode app) {
        JsonNode history = app.path("status").path("history");
        String current = text(app, "status", "sync", "revision");
        if (current == null) {
            current = text(history.path(0), "revision");
        }
        for (JsonNode sync : history) {
            String revision = text(sync, "revision");
            if ("succeeded".equals(text(sync, "result")) && revision != null && !Objects.equals(revision, current)) {
                return revision;
            }
        }
        throw new CommandFailedException("the history of " + text(app, "metadata", "name") + " has no successful "
                + "sync of an earlier revision than the current one; name the REVISION to go back to");
    }

    private static String normalisedPath(String path) {
        if (path == null) {
            return "";
        }
        String trimmed =
                path.strip().replaceAll("^\\./", "").replaceAll("^/+", "").replaceAll("/+$", "");
        return trimmed.equals(".") ? "" : trimmed;
    }
}
