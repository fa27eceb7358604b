package dev.plumbline.gitwatcher.repo;

import dev.plumbline.events.ApplicationSpec;
import dev.plumbline.events.application.SourceSpec;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The repositories to watch, derived from the current Applications: one entry per repository, by key. */
public final class WatchSet {

    private final Map<String, WatchedRepo> byKey;
    private final Map<String, String> keyByMatch;
    private final List<String> rejected;

    private WatchSet(Map<String, WatchedRepo> byKey, List<String> rejected) {
        this.byKey = byKey;
        this.rejected = List.copyOf(rejected);
        this.keyByMatch = new LinkedHashMap<>();
        byKey.values().forEach(repo -> keyByMatch.put(repo.url().matchKey(), repo.key()));
    }

    public static WatchSet empty() {
        return new WatchSet(Map.of(), List.of());
    }

    /** Groups Applications by repository; an Application whose URL is not a URL is left out and named in {@link #rejected()}. */
    public static WatchSet of(Collection<ApplicationSpec> applications) {
        Map<String, RepoUrl> urls = new TreeMap<>();
        Map<String, List<WatchingApplication>> watchers = new TreeMap<>();
        List<String> rejected = new ArrayList<>();
        for (ApplicationSpec spec : applications) {
            SourceSpec source = spec.sourceSpec();
            RepoUrl url;
            try {
                url = RepoUrl.of(source.repoUrl());
            } catch (IllegalArgumentException e) {
                rejected.add(spec.app() + ": " + e.getMessage());
                continue;
            }
            urls.putIfAbsent(url.key(), url);
            watchers.computeIfAbsent(url.key(), k -> new ArrayList<>())
                    .add(new WatchingApplication(
                            spec.app(),
                            source.repoUrl().trim(),
                            source.targetRevision().trim(),
                            source.path()));
        }
        Map<String, WatchedRepo> byKey = new TreeMap<>();
        watchers.forEach((key, list) -> {
            list.sort(Comparator.comparing(WatchingApplication::app));
            byKey.put(key, new WatchedRepo(urls.get(key), list));
        });
        return new WatchSet(byKey, rejected);
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
}
