package dev.plumbline.gitwatcher.poll;

import dev.plumbline.engine.application.ApplicationCatalog;
import dev.plumbline.events.ApplicationSpec;
import dev.plumbline.events.git.FetchCause;
import dev.plumbline.gitwatcher.artifact.ArtifactStore;
import dev.plumbline.gitwatcher.config.GitWatcherConfig;
import dev.plumbline.gitwatcher.config.RepoAccess;
import dev.plumbline.gitwatcher.repo.CycleResult;
import dev.plumbline.gitwatcher.repo.DiskSpace;
import dev.plumbline.gitwatcher.repo.DiskSweeper;
import dev.plumbline.gitwatcher.repo.DiskThreshold;
import dev.plumbline.gitwatcher.repo.FetchCycle;
import dev.plumbline.gitwatcher.repo.FetchLimits;
import dev.plumbline.gitwatcher.repo.Mirror;
import dev.plumbline.gitwatcher.repo.RefusedSource;
import dev.plumbline.gitwatcher.repo.RepoHealth;
import dev.plumbline.gitwatcher.repo.Reported;
import dev.plumbline.gitwatcher.repo.ReportedStore;
import dev.plumbline.gitwatcher.repo.WatchSet;
import dev.plumbline.gitwatcher.repo.WatchedRepo;
import dev.plumbline.gitwatcher.signature.CommitJudge;
import dev.plumbline.gitwatcher.signature.SignatureChecker;
import dev.plumbline.gitwatcher.webhook.WebhookReceiver;
import dev.plumbline.servicekit.applications.ApplicationChanges;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * The watched repositories and their fetches: follows the Applications, runs each repository's fetch cycle on the
 * scheduler, publishes what it found, and keeps each repository's health. Failures of a fetch are handled here, in
 * one place: recorded, counted, logged once per episode, retried with backoff.
 */
@ApplicationScoped
public class RepoWatcher implements WebhookReceiver.Repositories, ApplicationChanges {

    private static final Logger LOG = Logger.getLogger(RepoWatcher.class);

    private final GitWatcherConfig config;
    private final CommitEventsSink publisher;
    private final MeterRegistry metrics;
    private final RepoAccess access;
    private final FetchCycle cycle;
    private final ReportedStore reported;
    private final FetchScheduler scheduler;
    private final DiskSweeper sweeper;
    private final ScheduledExecutorService sweeps;
    private final Map<String, RepoHealth> health = new ConcurrentHashMap<>();
    /** Applications to tell again where their refs are, by repository key, until a fetch has told them. */
    private final Map<String, Set<String>> announceAgain = new ConcurrentHashMap<>();

    private volatile WatchSet watched = WatchSet.empty();

    @Inject
    public RepoWatcher(GitWatcherConfig config, CommitEventsSink publisher, MeterRegistry metrics, RepoAccess access) {
        this.config = config;
        this.publisher = publisher;
        this.metrics = metrics;
        this.access = access;
        this.cycle = new FetchCycle(
                new ArtifactStore(config.dataDir().resolve("artifacts")),
                new CommitJudge(new SignatureChecker(config.dataDir().resolve("signers"))),
                new FetchCycle.Settings(
                        config.artifacts().baseUrl(),
                        config.fetch().maxCommits(),
                        config.fetch().timeout(),
                        new FetchLimits(
                                config.git().fetchDeadline(),
                                config.git().maxRepoSize().asLongValue(),
                                DiskThreshold.parse(
                                        "plumbline.git.min-free-disk",
                                        config.git().minFreeDisk()),
                                DiskSpace.ofVolume())));
        this.reported = new ReportedStore(config.dataDir().resolve("state"));
        Backoff backoff = new Backoff(
                config.poll().interval(),
                config.poll().jitter(),
                config.fetch().backoffInitial(),
                config.fetch().backoffMax());
        this.scheduler = new FetchScheduler(backoff, config.fetch().concurrency(), this::fetch, new Random());
        this.sweeper = new DiskSweeper(config.dataDir(), config.cleanup().gracePeriod(), Clock.systemUTC());
        this.sweeps = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "git-watcher-disk-sweep");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Sweeps from start-up on, even while no Application exists: a restart may find only leftovers on disk. */
    void onStart(@Observes StartupEvent start) {
        long every = Math.max(1, config.cleanup().interval().toMillis());
        sweeps.scheduleWithFixedDelay(this::sweepDisk, every, every, TimeUnit.MILLISECONDS);
    }

    /**
     * Removes the data of repositories unwatched for the grace period. It holds the same lock as
     * {@link #applicationsChanged}, so a repository is never removed while it is being watched again.
     */
    synchronized void sweepDisk() {
        Set<String> keys = watched.repos().stream().map(WatchedRepo::key).collect(Collectors.toSet());
        try {
            sweeper.sweep(keys)
                    .forEach(key -> LOG.infof(
                            "removed the mirror, artifacts and state of repository %s, "
                                    + "which no Application has watched for %s",
                            key, config.cleanup().gracePeriod()));
        } catch (IOException | RuntimeException e) {
            // the next sweep tries again; an exception here would end the periodic sweeps
            LOG.warnf("cannot remove the data of repositories no longer watched: %s", e.getMessage());
        }
        for (String key : keys) {
            try {
                Set<String> announced =
                        reported.load(key).values().stream().map(Reported::sha).collect(Collectors.toSet());
                List<String> removed = sweeper.removeOldArtifacts(
                        key, announced, config.cleanup().artifactRetention());
                if (!removed.isEmpty()) {
                    LOG.infof(
                            "removed %d artifacts of repository %s, of commits no ref announces any more, older than %s",
                            removed.size(), key, config.cleanup().artifactRetention());
                }
            } catch (IOException | RuntimeException e) {
                LOG.warnf("cannot remove the old artifacts of repository %s: %s", key, e.getMessage());
            }
        }
    }

    /** Watches what every Application now asks for, whichever one changed. */
    @Override
    public void changed(String app, Optional<ApplicationSpec> spec, ApplicationCatalog catalog) {
        applicationsChanged(catalog.all());
    }

    /** Follows the current Applications: starts watching new repositories, stops watching abandoned ones. */
    synchronized void applicationsChanged(Collection<ApplicationSpec> applications) {
        WatchSet before = watched;
        WatchSet now = WatchSet.of(applications);
        now.rejected().forEach(reason -> LOG.warnf("not watched: %s", reason));
        logRefusals(before, now);
        now.announceAgain(before)
                .forEach((key, apps) -> announceAgain.merge(key, Set.copyOf(apps), RepoWatcher::union));
        watched = now;
        for (WatchedRepo repo : now.repos()) {
            Optional<WatchedRepo> old = before.byKey(repo.key());
            if (old.isEmpty()) {
                health.putIfAbsent(repo.key(), new RepoHealth());
                scheduler.watch(repo.key(), FetchCause.watchStarted());
            } else if (!old.get().equals(repo)) {
                scheduler.request(repo.key(), FetchCause.watchStarted(), FetchScheduler.newCorrelationId());
            }
        }
        before.repos().stream().filter(repo -> now.byKey(repo.key()).isEmpty()).forEach(repo -> {
            scheduler.unwatch(repo.key());
            health.remove(repo.key());
            announceAgain.remove(repo.key());
        });
    }

    /** Each refusal once, when it begins or its reason changes; and when a refused Application may fetch again. */
    private static void logRefusals(WatchSet before, WatchSet now) {
        now.refused().stream()
                .filter(refusal -> !before.refused().contains(refusal))
                .forEach(refusal -> LOG.warnf(
                        "Application %s does not watch %s: %s", refusal.app(), refusal.repoUrl(), refusal.reason()));
        before.refused().stream()
                .filter(refusal -> now.refused().stream().noneMatch(r -> r.app().equals(refusal.app())))
                .filter(refusal -> now.repos().stream()
                        .anyMatch(repo -> repo.watcher(refusal.app()).isPresent()))
                .forEach(refusal -> LOG.infof(
                        "Application %s may now fetch its repository: project %s no longer refuses it",
                        refusal.app(), refusal.project()));
    }

    @Override
    public Optional<String> watchedKey(String anyUrl) {
        return watched.byUrl(anyUrl).map(WatchedRepo::key);
    }

    @Override
    public void nudge(String repoKey, FetchCause cause) {
        scheduler.request(repoKey, cause, FetchScheduler.newCorrelationId());
    }

    /** Asks for a fetch of the repository a URL names; empty when no Application watches it. */
    public Optional<WatchedRepo> refresh(String anyUrl, String actor) {
        Optional<WatchedRepo> repo = watched.byUrl(anyUrl);
        repo.ifPresent(r -> scheduler.request(r.key(), FetchCause.manual(actor), FetchScheduler.newCorrelationId()));
        return repo;
    }

    public Collection<WatchedRepo> repos() {
        return watched.repos();
    }

    /** Applications whose project does not allow their repository: nothing is fetched for them. */
    public List<RefusedSource> refused() {
        return watched.refused();
    }

    public RepoHealth.Snapshot health(String repoKey) {
        return health.computeIfAbsent(repoKey, k -> new RepoHealth()).snapshot();
    }

    public Optional<Instant> nextFetch(String repoKey) {
        return scheduler.nextPoll(repoKey);
    }

    /** One fetch cycle of one repository; false when it failed, so that the scheduler backs off. */
    boolean fetch(String repoKey, FetchCause cause, String correlationId) {
        Optional<WatchedRepo> found = watched.byKey(repoKey);
        if (found.isEmpty()) {
            return true;
        }
        WatchedRepo repo = found.get();
        RepoHealth repoHealth = health.computeIfAbsent(repoKey, k -> new RepoHealth());
        Instant started = Instant.now();
        long start = System.nanoTime();
        CycleResult result = null;
        Set<String> again = announceAgain.getOrDefault(repoKey, Set.of());
        try (Mirror mirror = Mirror.open(config.dataDir().resolve("repos").resolve(repoKey))) {
            result = cycle.run(
                    repo, mirror, access.authFor(repo.fetchUrl()), reported.load(repoKey), again, cause, correlationId);
            publisher.publish(result.events());
            reported.save(repoKey, result.reported());
            // told; unless more were added meanwhile, which the fetch that follows tells (again, for some)
            announceAgain.computeIfPresent(repoKey, (key, apps) -> apps == again ? null : apps);
        } catch (Exception e) {
            return failed(repo, repoHealth, started, elapsed(start), cause, describe(e), result);
        } finally {
            timer(repo).record(elapsed(start));
        }
        if (!result.problems().isEmpty()) {
            return failed(
                    repo, repoHealth, started, elapsed(start), cause, String.join("; ", result.problems()), result);
        }
        if (repoHealth.succeeded(started, elapsed(start), cause, result.revisions())) {
            LOG.infof("repository %s is fetched again", repo.url().normalized());
        }
        return true;
    }

    private boolean failed(
            WatchedRepo repo,
            RepoHealth repoHealth,
            Instant started,
            Duration took,
            FetchCause cause,
            String error,
            CycleResult partial) {
        String message = access.redactor().redact(error);
        failures(repo).increment();
        if (repoHealth.failed(started, took, cause, message, partial == null ? null : partial.revisions())) {
            LOG.warnf(
                    "repository %s cannot be fetched, retrying with backoff: %s",
                    repo.url().normalized(), message);
        }
        return false;
    }

    private static String describe(Exception e) {
        StringBuilder text = new StringBuilder(String.valueOf(e.getMessage()));
        for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (cause.getMessage() != null && !text.toString().contains(cause.getMessage())) {
                text.append(": ").append(cause.getMessage());
            }
        }
        // one line for /api/repos and the log: JGit words some failures over several lines
        return text.toString().strip().replaceAll("\\s*\\R\\s*", "; ");
    }

    private Timer timer(WatchedRepo repo) {
        return Timer.builder("plumbline.git.fetch.duration")
                .description("How long fetching a repository took")
                .tag("repository", repo.url().normalized())
                .register(metrics);
    }

    private Counter failures(WatchedRepo repo) {
        return Counter.builder("plumbline.git.fetch.failures")
                .description("Fetches of a repository that failed")
                .tag("repository", repo.url().normalized())
                .register(metrics);
    }

    /** Always a new set: a fetch recognises what it told by identity. */
    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new HashSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }

    private static Duration elapsed(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    void onStop(@Observes ShutdownEvent stop) {
        sweeps.shutdownNow();
        scheduler.close();
    }
}
