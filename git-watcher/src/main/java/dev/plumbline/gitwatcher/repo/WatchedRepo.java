package dev.plumbline.gitwatcher.repo;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A repository that at least one Application watches, with every Application watching it (sorted by app).
 */
public record WatchedRepo(RepoUrl url, List<WatchingApplication> watchers) {

    public WatchedRepo {
        watchers = List.copyOf(watchers);
    }

    public String key() {
        return url.key();
    }

    /** The watching Application of that name. */
    public Optional<WatchingApplication> watcher(String app) {
        return watchers.stream().filter(w -> w.app().equals(app)).findFirst();
    }

    /** The URL to fetch: the spelling of the first Application, all spellings naming the same repository. */
    public String fetchUrl() {
        return watchers.get(0).repoUrl();
    }

    /** Every spelling of the repository URL among its Applications, sorted. */
    public Set<String> spellings() {
        Set<String> spellings = new TreeSet<>();
        watchers.forEach(w -> spellings.add(w.repoUrl()));
        return spellings;
    }

    /** The distinct revisions its Applications follow. */
    public Set<String> revisions() {
        Set<String> revisions = new TreeSet<>();
        watchers.forEach(w -> revisions.add(w.targetRevision()));
        return revisions;
    }
}
