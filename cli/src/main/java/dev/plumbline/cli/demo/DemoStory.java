package dev.plumbline.cli.demo;

import static dev.plumbline.cli.demo.DemoSetup.ANA;
import static dev.plumbline.cli.demo.DemoSetup.NAMESPACE;
import static dev.plumbline.cli.demo.DemoSetup.shortSha;
import static dev.plumbline.cli.demo.StoryRunner.confirm;
import static dev.plumbline.cli.demo.StoryRunner.confirmed;

import dev.plumbline.cli.demo.DemoSetup.Demo;
import dev.plumbline.events.AuditRecord;
import dev.plumbline.events.CommitDetected;
import dev.plumbline.events.DriftDetected;
import dev.plumbline.events.DriftRecovered;
import dev.plumbline.events.manifest.DriftedField;
import dev.plumbline.events.vocabulary.AuditAction;
import dev.plumbline.events.vocabulary.DriftResolution;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.eclipse.jgit.lib.PersonIdent;

/**
 * The guided story on the plain-YAML app {@code web}, each step confirmed from the live system: deploy, a new
 * commit, a change by hand, the drift named, healed, self-heal paused, a change that stays, exported to Git,
 * committed, converged, a file deleted in Git, pruned.
 */
public final class DemoStory {

    public static final int STEPS = 12;
    public static final String APP = DemoSetup.DemoApp.WEB.app;
    static final String SETTINGS = "web-settings";
    static final String SETTINGS_FILE = DemoSetup.DemoApp.WEB.path + "/settings.yaml";
    static final String SERVICE_FILE = DemoSetup.DemoApp.WEB.path + "/service.yaml";
    private static final Duration STEP = Duration.ofSeconds(60);
    private static final PersonIdent BEN = new PersonIdent("Ben Okafor", "ben@example.com");

    private final LiveSystem live;
    private final StoryRunner story;
    private final PlumbCli plumb;
    private final GitWatcherWebhook webhook;

    public DemoStory(LiveSystem live, StoryRunner story, PlumbCli plumb) {
        this.live = live;
        this.story = story;
        this.plumb = plumb;
        this.webhook = new GitWatcherWebhook(live.require("GIT_WATCHER_URL"), live.require("PLUMBLINE_WEBHOOK_SECRET"));
    }

    /** Tells the story; with {@code setupOnly}, only its first step, that every Application is synced. */
    public void tell(Demo demo, DemoSetup setup, boolean setupOnly) {
        ConfigRepository repo = demo.repository();
        story.step(
                "Deploy: every Application synced from Git",
                () -> setup.confirmSynced(demo.apps(), demo.firstRevision(), DemoSetup.FIRST_SYNC));
        if (setupOnly) {
            return;
        }

        String[] revision = {demo.firstRevision()};
        story.step("A new commit: Ana changes the greeting; the push is announced by a signed webhook", () -> {
            repo.write(SETTINGS_FILE, repo.read(SETTINGS_FILE).replace("greeting: hello", "greeting: hello world"));
            revision[0] = push(repo, ANA, "web: greet the world");
            return List.of(syncedAt(revision[0]), liveGreeting("hello world"));
        });

        Instant beforeEdit = Instant.now();
        story.step("A change by hand: someone edits the ConfigMap with kubectl edit", () -> {
            ConfigMap edited = live.editByHand(NAMESPACE, SETTINGS, "greeting", "changed by hand");
            return List.of("the API server stored greeting=" + edited.getData().get("greeting") + ", written by "
                    + managers(edited));
        });

        DriftDetected[] drift = new DriftDetected[1];
        story.step("Drift detected, naming who changed what", () -> {
            drift[0] = awaitDrift(beforeEdit, false);
            return List.of(describe(drift[0]), "mode " + drift[0].mode().label() + ": Plumbline heals it");
        });

        story.step("Healed: Plumbline puts Git's value back", () -> {
            DriftRecovered recovered = confirmed(
                    "DriftRecovered (healed) for " + APP,
                    STEP,
                    live.events()
                            .await(
                                    DriftRecovered.class,
                                    r -> r.app().equals(APP) && r.episodeId().equals(drift[0].episodeId()),
                                    STEP));
            return List.of(
                    liveGreeting("hello world"),
                    "drift-alerts: DriftRecovered, resolution "
                            + recovered.resolution().label());
        });

        story.step("Self-heal paused for an incident: plumb app pause", () -> {
            runPlumb("app", "pause", APP, "--reason", "incident 42: tuning by hand", "--for", "1h");
            ApplicationView paused = confirm(
                    "status.selfHealPause of Application " + APP,
                    STEP,
                    () -> live.application(APP).filter(a -> a.selfHealPause().isPresent()));
            AuditRecord record = confirmed(
                    "the drift-auditor's 'paused' audit record for " + APP,
                    STEP,
                    live.events()
                            .await(
                                    AuditRecord.class,
                                    a -> a.app().equals(APP) && a.action() == AuditAction.PAUSED,
                                    STEP));
            return List.of(
                    "Application " + APP + " status.selfHealPause: "
                            + paused.selfHealPause().orElseThrow(),
                    "audit: " + record.action().label() + " by " + record.actor());
        });

        Instant beforeSecondEdit = Instant.now();
        story.step("A change by hand that stays while self-heal is paused", () -> {
            live.editByHand(NAMESPACE, SETTINGS, "greeting", "tuned during incident 42");
            DriftDetected reported = awaitDrift(beforeSecondEdit, true);
            String stays = confirm(
                    "greeting still 'tuned during incident 42' after the drift was reported",
                    STEP,
                    () -> greeting().filter("tuned during incident 42"::equals));
            return List.of(
                    describe(reported), "paused by " + reported.pause().by() + ": not healed; live greeting=" + stays);
        });

        story.step("Exported to Git: plumb drift export writes the live values into the working copy", () -> {
            runPlumb("drift", "export", APP, "--to", repo.workingCopy().toString());
            String file = repo.read(SETTINGS_FILE);
            if (!file.contains("tuned during incident 42")) {
                throw new DemoStepException(SETTINGS_FILE + " in " + repo.workingCopy()
                        + " does not hold the live value after plumb drift export:\n" + file);
            }
            return List.of(SETTINGS_FILE + " now says: "
                    + file.lines()
                            .filter(l -> l.contains("greeting"))
                            .findFirst()
                            .orElse("")
                            .strip());
        });

        story.step("Committed: Ben commits the incident's change to Git", () -> {
            revision[0] = repo.commitAndPush(BEN, "web: keep the greeting tuned during incident 42");
            CommitDetected commit = announce(repo, revision[0]);
            return List.of("git-watcher announced " + shortSha(commit.after()) + " by "
                    + commit.commits().get(commit.commits().size() - 1).author().name() + " (fetch cause: "
                    + commit.fetchCause().kind().label()
                    + ")");
        });

        story.step("Converged: Git and the cluster agree again; self-heal resumed", () -> {
            String synced = syncedAt(revision[0]);
            DriftRecovered recovered = confirmed(
                    "DriftRecovered for " + APP + " after the commit",
                    STEP,
                    live.events()
                            .await(
                                    DriftRecovered.class,
                                    r -> r.app().equals(APP) && r.time().isAfter(beforeSecondEdit),
                                    STEP));
            runPlumb("app", "resume", APP);
            confirm(
                    "self-heal resumed (no status.selfHealPause) on Application " + APP,
                    STEP,
                    () -> live.application(APP).filter(a -> a.selfHealPause().isEmpty()));
            return List.of(
                    synced,
                    "drift-alerts: DriftRecovered, resolution "
                            + recovered.resolution().label()
                            + (recovered.resolution() == DriftResolution.DESIRED_CHANGED
                                    ? " (Git now matches live)"
                                    : ""),
                    "self-heal resumed");
        });

        story.step("A file deleted in Git: the Service goes", () -> {
            revision[0] = push(repo.delete(SERVICE_FILE), ANA, "web: no Service any more");
            return List.of("git-watcher announced " + shortSha(revision[0]) + ", which deletes " + SERVICE_FILE);
        });

        story.step("Pruned: Plumbline removes what Git no longer has", () -> {
            confirm(
                    "Service " + NAMESPACE + "/web gone from the cluster",
                    STEP,
                    () -> Optional.of(live.cluster()
                                            .services()
                                            .inNamespace(NAMESPACE)
                                            .withName("web")
                                            .get()
                                    == null)
                            .filter(gone -> gone));
            String synced = syncedAt(revision[0]);
            Map<String, Object> lastSync =
                    live.application(APP).flatMap(ApplicationView::lastSync).orElse(Map.of());
            return List.of(
                    "Service " + NAMESPACE + "/web: not found in the cluster",
                    synced + ", last sync pruned " + lastSync.getOrDefault("pruned", 0));
        });
    }

    /** Commits, pushes and nudges git-watcher with a signed webhook; returns the commit once it is announced. */
    private String push(ConfigRepository repo, PersonIdent author, String message) {
        String sha = repo.commitAndPush(author, message);
        announce(repo, sha);
        return sha;
    }

    private CommitDetected announce(ConfigRepository repo, String sha) {
        GitWatcherWebhook.Answer answer = webhook.pushed(repo.url(), ConfigRepository.BRANCH);
        if (!answer.accepted()) {
            throw new DemoStepException("git-watcher refused the webhook: " + answer.status() + " " + answer.body());
        }
        story.doing("pushed " + shortSha(sha) + "; git-watcher answered the signed webhook " + answer.status());
        return confirmed(
                "git-watcher announcing commit " + shortSha(sha),
                STEP,
                live.events().await(CommitDetected.class, c -> sha.equals(c.after()), STEP));
    }

    private String syncedAt(String revision) {
        ApplicationView view = confirm(
                "Application " + APP + " synced at " + shortSha(revision),
                STEP,
                () -> live.application(APP).filter(a -> a.isSyncedAt(revision)));
        String lastSync = view.lastSync()
                .map(s -> " (last sync: " + s.get("trigger") + " by " + s.get("initiatedBy") + ", " + s.get("result")
                        + ")")
                .orElse("");
        return "Application " + APP + ": " + view.syncStatus() + " at " + shortSha(view.revision()) + lastSync;
    }

    private String liveGreeting(String expected) {
        String value = confirm(
                "ConfigMap " + NAMESPACE + "/" + SETTINGS + " greeting='" + expected + "'",
                STEP,
                () -> greeting().filter(expected::equals));
        return "ConfigMap " + NAMESPACE + "/" + SETTINGS + " in the cluster: greeting=" + value;
    }

    private Optional<String> greeting() {
        return live.configMap(NAMESPACE, SETTINGS).map(c -> c.getData().get("greeting"));
    }

    private DriftDetected awaitDrift(Instant after, boolean paused) {
        return confirmed(
                "DriftDetected for " + APP + " naming kubectl-edit" + (paused ? ", with the pause" : ""),
                STEP,
                live.events()
                        .await(
                                DriftDetected.class,
                                d -> d.app().equals(APP)
                                        && d.time().isAfter(after)
                                        && (d.pause() != null) == paused
                                        && fields(d).stream()
                                                .anyMatch(f -> f.changedBy() != null
                                                        && "kubectl-edit"
                                                                .equals(f.changedBy()
                                                                        .manager())),
                                STEP));
    }

    private static List<DriftedField> fields(DriftDetected drift) {
        return drift.objects().stream().flatMap(o -> o.fields().stream()).toList();
    }

    private static String describe(DriftDetected drift) {
        return "drift-alerts: DriftDetected "
                + drift.objects().stream()
                        .map(o -> o.object().kind() + " "
                                + o.object().namespace() + "/" + o.object().name() + " "
                                + o.fields().stream()
                                        .map(f -> f.path() + " '" + text(f.desired()) + "' -> '" + text(f.live())
                                                + "' by "
                                                + (f.changedBy() == null
                                                        ? "unknown"
                                                        : f.changedBy().manager()))
                                        .collect(Collectors.joining(", ")))
                        .collect(Collectors.joining("; "));
    }

    private static String text(com.fasterxml.jackson.databind.JsonNode node) {
        return node == null ? "" : node.isTextual() ? node.asText() : node.toString();
    }

    private static String managers(ConfigMap object) {
        return object.getMetadata().getManagedFields().stream()
                .map(ManagedFieldsEntry::getManager)
                .distinct()
                .collect(Collectors.joining(" and "));
    }

    private void runPlumb(String... args) {
        PlumbCli.Outcome outcome = plumb.run(args);
        story.doing("plumb " + String.join(" ", args)
                + (outcome.describe().isEmpty() ? "" : ": " + outcome.describe().replace("\n", "\n      ")));
        if (outcome.exitCode() != 0) {
            throw new DemoStepException("plumb " + String.join(" ", args) + " failed (exit code " + outcome.exitCode()
                    + "): " + outcome.describe());
        }
    }
}
