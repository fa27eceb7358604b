package dev.plumbline.cli.connect;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Asks the instance of a service that holds an app. With several instances ({@code <SERVICE>_INSTANCES}) only the one
 * holding the app's partition knows it: the holder is asked first when known, then each other in turn, until one
 * answers other than 404.
 */
public final class HoldingInstance {

    private HoldingInstance() {}

    /**
     * @param holder the instance holding the app, when known
     * @param what   what is asked for, as in "no drift-auditor instance has {@code the drift of shop}"
     * @throws CommandFailedException with each instance's own explanation when none has it
     */
    public static ServiceClient.Answer call(
            RunEnvironment environment,
            PlumblineServiceUrl service,
            Optional<String> holder,
            String path,
            String accept,
            String what) {
        Map<String, ServiceClient> all = environment.serviceInstances(service);
        Map<String, ServiceClient> instances = new LinkedHashMap<>();
        holder.filter(all::containsKey).ifPresent(name -> instances.put(name, all.get(name)));
        instances.putAll(all);
        List<String> failures = new ArrayList<>();
        for (Map.Entry<String, ServiceClient> instance : instances.entrySet()) {
            ServiceClient.Answer answer = instance.getValue().call(path, accept);
            if (answer.status() != 404) {
                return answer;
            }
            failures.add(
                    instances.size() == 1 ? answer.errorMessage() : instance.getKey() + ": " + answer.errorMessage());
        }
        throw new CommandFailedException(
                instances.size() == 1
                        ? failures.get(0)
                        : "no " + service.displayName() + " instance has " + what + " (" + String.join("; ", failures)
                                + ")");
    }
}
