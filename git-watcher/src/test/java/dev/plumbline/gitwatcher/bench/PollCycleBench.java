package dev.plumbline.gitwatcher.bench;

import dev.plumbline.events.git.FetchCause;
import dev.plumbline.gitwatcher.artifact.ArtifactStore;
import dev.plumbline.gitwatcher.repo.CycleResult;
import dev.plumbline.gitwatcher.repo.FetchCycle;
import dev.plumbline.gitwatcher.repo.FetchLimits;
import dev.plumbline.gitwatcher.repo.Mirror;
import dev.plumbline.gitwatcher.repo.RepoCredentials;
import dev.plumbline.gitwatcher.repo.ReportedStore;
import dev.plumbline.gitwatcher.repo.SshSessions;
import dev.plumbline.gitwatcher.repo.TransportAuth;
import dev.plumbline.gitwatcher.repo.WatchSet;
import dev.plumbline.gitwatcher.repo.WatchedRepo;
import dev.plumbline.gitwatcher.signature.CommitJudge;
import dev.plumbline.gitwatcher.signature.SignatureChecker;
import dev.plumbline.gitwatcher.testing.SandboxGit;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * One poll cycle over unchanged repositories: fetch from the sandbox Git server with basic auth, resolve, compare
 * with what was announced; nothing to publish. The fetch cycle itself, on 4 workers as the service runs it.
 */
final class PollCycleBench {

    private PollCycleBench() {}

    static void run(WatchSet watched, String gitServerUrl, Path data, int rounds) throws Exception {
        int repositories = watched.repos().size();
        FetchCycle cycle = new FetchCycle(
                new ArtifactStore(data.resolve("artifacts")),
                new CommitJudge(new SignatureChecker(data.resolve("signers"))),
                new FetchCycle.Settings(
                        "http://localhost:8081",
                        250,
                        Duration.ofSeconds(30),
                        FetchLimits.deadlineOnly(Duration.ofMinutes(5))));
        ReportedStore store = new ReportedStore(data.resolve("state"));
        ExecutorService workers = Executors.newFixedThreadPool(4);
        try (SshSessions ssh = new SshSessions(data.resolve("ssh"))) {
            TransportAuth auth = TransportAuth.of(
                    new RepoCredentials(
                            "sandbox", gitServerUrl, SandboxGit.USER, SandboxGit.PASSWORD, null, null, null),
                    ssh);
            long firstStart = System.nanoTime();
            runCycle(watched, data, cycle, store, auth, workers);
            System.out.printf(
                    "first fetch of %d repositories (clone, announce, build artifacts): %.0f ms%n",
                    repositories, (System.nanoTime() - firstStart) / 1e6);
            List<Long> cycles = new ArrayList<>();
            for (int r = 0; r < rounds; r++) {
                long start = System.nanoTime();
                int events = runCycle(watched, data, cycle, store, auth, workers);
                cycles.add(System.nanoTime() - start);
                if (events != 0) {
                    throw new IllegalStateException("an unchanged repository produced " + events + " events");
                }
            }
            cycles.sort(null);
            System.out.printf(
                    "poll cycle over %d unchanged repositories, 4 fetch workers: median %.0f ms, "
                            + "best %.0f ms, worst %.0f ms (%d cycles, 0 events)%n",
                    repositories,
                    Latencies.percentile(cycles, 50),
                    cycles.get(0) / 1e6,
                    cycles.get(cycles.size() - 1) / 1e6,
                    rounds);
        } finally {
            workers.shutdownNow();
        }
    }

    private static int runCycle(
            WatchSet watched,
            Path data,
            FetchCycle cycle,
            ReportedStore store,
            TransportAuth auth,
            ExecutorService workers)
            throws Exception {
        List<Future<Integer>> results = new ArrayList<>();
        for (WatchedRepo repo : watched.repos()) {
            results.add(workers.submit(() -> {
                try (Mirror mirror = Mirror.open(data.resolve("repos").resolve(repo.key()))) {
                    CycleResult result =
                            cycle.run(repo, mirror, auth, store.load(repo.key()), Set.of(), FetchCause.poll(), "bench");
                    store.save(repo.key(), result.reported());
                    return result.events().size();
                }
            }));
        }
        int events = 0;
        for (Future<Integer> result : results) {
            events += result.get();
        }
        return events;
    }
}
