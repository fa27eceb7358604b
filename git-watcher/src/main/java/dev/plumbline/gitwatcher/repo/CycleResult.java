package dev.plumbline.gitwatcher.repo;

import dev.plumbline.events.PlumblineEvent;
import java.util.List;
import java.util.Map;

/**
 * What one fetch of a repository found.
 *
 * @param events    the commit events and explanations to publish, in order
 * @param reported  what to remember once they are published
 * @param revisions each watched revision and what it resolved to
 */
public record CycleResult(
        List<PlumblineEvent> events, Map<String, Reported> reported, List<ResolvedRevision> revisions) {

    public CycleResult {
        events = List.copyOf(events);
        reported = Map.copyOf(reported);
        revisions = List.copyOf(revisions);
    }

    /** Why watched revisions could not be found, in words; empty when all were. */
    public List<String> problems() {
        return revisions.stream()
                .filter(r -> !r.found())
                .map(ResolvedRevision::problem)
                .toList();
    }
}
