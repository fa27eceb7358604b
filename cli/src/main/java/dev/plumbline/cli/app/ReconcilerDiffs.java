package dev.plumbline.cli.app;

import dev.plumbline.cli.connect.CommandFailedException;
import dev.plumbline.cli.connect.HoldingInstance;
import dev.plumbline.cli.connect.PlumblineServiceUrl;
import dev.plumbline.cli.connect.RunEnvironment;
import dev.plumbline.cli.connect.ServiceClient;
import dev.plumbline.events.DiffComputed;
import dev.plumbline.events.EventJson;
import dev.plumbline.events.EventReadException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The reconciler's latest comparison of an app ({@code GET /api/apps/{name}/diff}), a {@link DiffComputed} event.
 * With several reconcilers ({@code RECONCILER_INSTANCES}) only the one holding the app has it: that one is asked
 * first when known, then each other in turn until one has the app.
 */
final class ReconcilerDiffs {

    private ReconcilerDiffs() {}

    /**
     * @param owner the reconciler instance holding the app, when known
     * @throws CommandFailedException with the reconcilers' own explanations when none has a diff to give
     */
    static DiffComputed latest(RunEnvironment environment, String app, Optional<String> owner) {
        ServiceClient.Answer answer = HoldingInstance.call(
                environment,
                PlumblineServiceUrl.RECONCILER,
                owner,
                "/api/apps/" + URLEncoder.encode(app, StandardCharsets.UTF_8) + "/diff",
                "application/json",
                "a diff of " + app);
        try {
            return EventJson.read(answer.successfulBody().getBytes(StandardCharsets.UTF_8), DiffComputed.class);
        } catch (EventReadException e) {
            throw new CommandFailedException("the reconciler's diff of " + app + " cannot be read: " + e.getMessage());
        }
    }
}
