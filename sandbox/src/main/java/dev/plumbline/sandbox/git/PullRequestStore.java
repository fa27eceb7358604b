package dev.plumbline.sandbox.git;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The pull requests of every repository, in memory: they last as long as the server process, while the branches
 * they join stay in the repositories. Numbers count from 1 per repository, as on a Git host.
 */
final class PullRequestStore {

    private final Map<Path, List<PullRequestRecord>> byRepository = new HashMap<>();

    synchronized List<PullRequestRecord> all(Path repository) {
        return List.copyOf(byRepository.getOrDefault(repository, List.of()));
    }

    synchronized Optional<PullRequestRecord> find(Path repository, int number) {
        return byRepository.getOrDefault(repository, List.of()).stream()
                .filter(pull -> pull.number == number)
                .findFirst();
    }

    synchronized Optional<PullRequestRecord> openFor(Path repository, String head, String base) {
        return byRepository.getOrDefault(repository, List.of()).stream()
                .filter(pull -> pull.open && pull.head.equals(head) && pull.base.equals(base))
                .findFirst();
    }

    synchronized void add(Path repository, PullRequestRecord pull) {
        byRepository.computeIfAbsent(repository, folder -> new ArrayList<>()).add(pull);
    }

    synchronized int nextNumber(Path repository) {
        return byRepository.getOrDefault(repository, List.of()).size() + 1;
    }

    /** The lock every change of a pull request or of a repository's branches through the API takes. */
    Object lock() {
        return this;
    }
}
