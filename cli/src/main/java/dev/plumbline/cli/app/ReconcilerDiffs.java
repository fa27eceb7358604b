package dev.plumbline.cli.app;

import dev.plumbline.cli.connect.CommandFailedException;
import dev.plumbline.cli.connect.PlumblineServiceUrl;
import dev.plumbline.cli.connect.RunEnvironment;
import dev.plumbline.cli.connect.ServiceClient;
import dev.plumbline.events.DiffComputed;
import dev.plumbline.events.EventJson;
import dev.plumbline.events.EventReadException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** The reconciler's latest comparison of an app ({@code GET /api/apps/{name}/diff}), a {@link DiffComputed} event. */
final class ReconcilerDiffs {

    private ReconcilerDiffs() {}

    /** @throws CommandFailedException with the reconciler's own explanation when it has no diff to give */
    static DiffComputed latest(RunEnvironment environment, String app) {
        ServiceClient reconciler = environment.service(PlumblineServiceUrl.RECONCILER);
        ServiceClient.Answer answer = reconciler.call(
                "/api/apps/" + URLEncoder.encode(app, StandardCharsets.UTF_8) + "/diff", "application/json");
        if (answer.status() == 404) {
            throw new CommandFailedException(answer.errorMessage());
        }
        try {
            return EventJson.read(answer.successfulBody().getBytes(StandardCharsets.UTF_8), DiffComputed.class);
        } catch (EventReadException e) {
            throw new CommandFailedException("the reconciler's diff of " + app + " cannot be read: " + e.getMessage());
        }
    }
}
