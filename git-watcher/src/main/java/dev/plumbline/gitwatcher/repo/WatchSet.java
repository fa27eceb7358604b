package dev.plumbline.gitwatcher.repo;

import dev.plumbline.engine.project.ProjectRules;
import dev.plumbline.events.ApplicationSpec;
import dev.plumbline.events.application.SourceSpec;
import dev.plumbline.events.project.ProjectPolicy;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The repositories to watch, derived from the current Applications: one entry per repository, by key. An
 * Application whose project does not allow its repository watches nothing: it is kept apart with the reason.
 */
public final class WatchSet {

    private final Map<String, WatchedRepo> byKey;
    private final Map<String, String> keyByMatch;
    private final List<String> rejected;
    private final List<RefusedSource> refused;

    private WatchSet(Map<String, WatchedRepo> byKey, List<String> rejected, List<RefusedSource> refused) {
        this.byKey = byKey;
        this.rejected = List.copyOf(rejected);
        this.refused = List.copyOf(refused);
        this.keyByMatch = new LinkedHashMap<>();
        byKey.values().forEach(repo -> keyByMatch.put(repo.url().matchKey(), repo.key()));
    }

    public static WatchSet empty() {
        return new WatchSet(Map.of(), List.of(), List.of());
    }

    /**
     * Groups Applications by repository. An Application whose URL is not a URL is left out and named in
     * {@link #rejected()}; one whose project refuses its repository is left out and listed in {@link #refused()}.
     */
    public static WatchSet of(Collection<ApplicationSpec> applications) {
        Map<String, RepoUrl> urls = new TreeMap<>();
        Map<String, List<WatchingApplication>> watchers = new TreeMap<>();
        List<String> rejected = new ArrayList<>();
        List<RefusedSource> refused = new ArrayList<>();
        for (ApplicationSpec spec : applications) {
            SourceSpec source = spec.sourceSpec();
            String repoUrl = source.repoUrl().trim();
            RepoUrl url;
            try {
                url = RepoUrl.of(repoUrl);
            } catch (IllegalArgumentException e) {
                rejected.add(spec.app() + ": " + e.getMessage());
                continue;
            }
            ProjectPolicy project = spec.projectPolicy();
            Optional<String> refusal = new ProjectRules(project).sourceRefusal(repoUrl);
            if (refusal.isPresent()) {
                refused.add(new RefusedSource(spec.app(), url, repoUrl, project.name(), refusal.get()));
                continue;
            }
            urls.putIfAbsent(url.key(), url);
            watchers.computeIfAbsent(url.key(), k -> new ArrayList<>())
                    .add(new WatchingApplication(
                            spec.app(),
                            repoUrl,
                            source.targetRevision().trim(),
                            source.path(),
                            project.name(),
                            project.signatureKeys()));
        }
        Map<String, WatchedRepo> byKey = new TreeMap<>();
        watchers.forEach((key, list) -> {
            list.sort(Comparator.comparing(WatchingApplication::app));
            byKey.put(key, new WatchedRepo(urls.get(key), list));
        });
        refused.sort(Comparator.comparing(RefusedSource::app));
        return new WatchSet(byKey, rejected, refused);
    }

    public Collection<WatchedRepo> repos() {
        return byKey.values();
    }

    public Optional<WatchedRepo> byKey(String key) {
        return Optional.ofNullable(byKey.get(key));
    }

    /** The watched repository a URL names, however it is spelled (HTTPS or SSH, with or without {@code .git}). */
    public Optional<WatchedRepo> byUrl(String anyUrl) {
        return RepoUrl.matchKeyOf(anyUrl).map(keyByMatch::get).map(byKey::get);
    }

    /** Applications left out because their repository URL could not be read, with the reason. */
    public List<String> rejected() {
        return rejected;
    }

    /** Applications left out because their project does not allow their repository, by app. */
    public List<RefusedSource> refused() {
        return refused;
    }

    /** The refused Applications naming the repository with this key. */
    public List<RefusedSource> refusedFor(String key) {
        return refused.stream().filter(r -> r.url().key().equals(key)).toList();
    }

    /**
     * The Applications to tell again where their refs are, by repository key, because their project's judgement
     * changed since {@code before}: it refused their repository then, or it lists other signature keys now. An
     * Application new since then is told anyway, as every new watcher is.
     */
    public Map<String, Set<String>> announceAgain(WatchSet before) {
        Set<String> refusedBefore = new HashSet<>();
        before.refused.forEach(r -> refusedBefore.add(r.app()));
        Map<String, Set<String>> again = new TreeMap<>();
        for (WatchedRepo repo : byKey.values()) {
            for (WatchingApplication watcher : repo.watchers()) {
                Optional<WatchingApplication> previous =
                        before.byKey(repo.key()).flatMap(old -> old.watcher(watcher.app()));
                boolean nowAllowed = previous.isEmpty() && refusedBefore.contains(watcher.app());
                boolean keysChanged =
                        previous.isPresent() && !previous.get().signatureKeys().equals(watcher.signatureKeys());
                if (nowAllowed || keysChanged) {
                    again.computeIfAbsent(repo.key(), k -> new HashSet<>()).add(watcher.app());
                }
            }
        }
        return again;
    }
}
