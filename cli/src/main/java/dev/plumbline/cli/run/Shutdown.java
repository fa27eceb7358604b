package dev.plumbline.cli.run;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Stops a run's processes: the services' instances together, since none waits for another to stop and each takes
 * seconds to drain its Kafka clients, then the sandbox they were using (Git server, Kubernetes API, broker), last
 * started first.
 */
final class Shutdown {

    /** A process of the run and its component's name. */
    record Member(String name, ProcessHandle process) {}

    private Shutdown() {}

    /** @param members in the order they were started */
    static void stop(List<Member> members) {
        CompletableFuture.allOf(members.stream()
                        .filter(Shutdown::isService)
                        .map(member -> CompletableFuture.runAsync(() -> RunningComponent.stop(member.process())))
                        .toArray(CompletableFuture[]::new))
                .join();
        List<Member> sandbox = new ArrayList<>(
                members.stream().filter(member -> !isService(member)).toList());
        Collections.reverse(sandbox);
        sandbox.forEach(member -> RunningComponent.stop(member.process()));
    }

    private static boolean isService(Member member) {
        return Replicas.serviceOf(member.name()).isPresent();
    }
}
