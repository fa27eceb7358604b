package dev.plumbline.cli.run;

import java.util.List;
import java.util.Map;

/** One process of a one-machine run: what to start, with which environment, and how to tell it is ready. */
public record Component(String name, List<String> command, Map<String, String> environment, Readiness readiness) {

    public Component {
        command = List.copyOf(command);
        environment = Map.copyOf(environment);
    }
}
