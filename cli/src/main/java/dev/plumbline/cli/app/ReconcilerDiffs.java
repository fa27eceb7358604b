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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
        Map<String, ServiceClient> instances = inAskingOrder(environment, owner);
        List<String> failures = new ArrayList<>();
        for (Map.Entry<String, ServiceClient> instance : instances.entrySet()) {
            try {
                return latest(instance.getValue(), app);
            } catch (CommandFailedException failed) {
                failures.add(
                        instances.size() == 1 ? failed.getMessage() : instance.getKey() + ": " + failed.getMessage());
            }
        }
        throw new CommandFailedException(
                instances.size() == 1
                        ? failures.get(0)
                        : "no reconciler instance has a diff of " + app + " (" + String.join("; ", failures) + ")");
    }

    private static Map<String, ServiceClient> inAskingOrder(RunEnvironment environment, Optional<String> owner) {
        Map<String, ServiceClient> all = environment.serviceInstances(PlumblineServiceUrl.RECONCILER);
        Map<String, ServiceClient> ordered = new LinkedHashMap<>();
        owner.filter(all::containsKey).ifPresent(name -> ordered.put(name, all.get(name)));
        ordered.putAll(all);
        return ordered;
    }

    private static DiffComputed latest(ServiceClient reconciler, String app) {
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
