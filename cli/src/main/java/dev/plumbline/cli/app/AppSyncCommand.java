package dev.plumbline.cli.app;

import static dev.plumbline.cli.app.AppFields.text;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plumbline.cli.connect.CommandFailedException;
import dev.plumbline.cli.connect.RunEnvironment;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "sync",
        mixinStandardHelpOptions = true,
        description = {
            "Asks for a sync now, as 'flux reconcile' does.",
            "Sets the "
                    + "annotations plumbline.dev/sync-requested-at (now) and plumbline.dev/sync-requested-by on it, "
                    + "through the Kubernetes API with your own credentials.",
            "With --wait, waits until the reconciler has carried the request out and prints the sync; exit code 1 "
                    + "when that sync did not succeed."
        })
final class AppSyncCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "NAME", description = "The Application's name.")
    String name;

    @Option(
            names = "--as",
            paramLabel = "WHO",
            description = "Who asks, as recorded (default: your user name, ${DEFAULT-VALUE}).",
            defaultValue = "${sys:user.name}")
    String requestedBy;

    @Option(
            names = "--wait",
            arity = "0..1",
            paramLabel = "TIMEOUT",
            fallbackValue = "2m",
            converter = DurationConverter.class,
            description = "Wait for the sync to be carried out, at most TIMEOUT (default 2m), such as 30s or 5m.")
    Duration wait;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (Applications applications = new Applications(RunEnvironment.of(spec))) {
            String token = newToken(AppFields.annotation(applications.get(name), AnnotationNames.SYNC_REQUESTED_AT));
            Map<String, String> annotations = new LinkedHashMap<>();
            annotations.put(AnnotationNames.SYNC_REQUESTED_AT, token);
            annotations.put(AnnotationNames.SYNC_REQUESTED_BY, requestedBy);
            applications.annotate(name, annotations);
            out.println("Sync of " + name + " requested by " + requestedBy + " (" + AnnotationNames.SYNC_REQUESTED_AT
                    + "=" + token + ").");
            if (wait == null) {
                out.println("Follow it with: plumb app get " + name);
                out.flush();
                return 0;
            }
            out.flush();
            JsonNode handled = applications.awaitStatus(
                    name, wait, app -> token.equals(text(app, "status", "handledSyncRequest")));
            if (handled == null) {
                throw new CommandFailedException("the reconciler has not carried out the sync of " + name + " within "
                        + wait.toSeconds() + "s: is it running? (plumb app get " + name + " shows its conditions)");
            }
            JsonNode sync = handled.path("status").path("history").path(0);
            out.println("Sync " + AppGetCommand.lastSync(sync));
            out.flush();
            return "succeeded".equals(text(sync, "result")) ? 0 : 1;
        }
    }

    /**
     * Now, to the second as {@code date -u +%FT%TZ} writes it; with milliseconds when the last request was made in
     * the same second, since an equal value is no new request.
     */
    private static String newToken(String previous) {
        Instant now = Instant.now();
        String token = now.truncatedTo(ChronoUnit.SECONDS).toString();
        return token.equals(previous) ? now.truncatedTo(ChronoUnit.MILLIS).toString() : token;
    }
}
