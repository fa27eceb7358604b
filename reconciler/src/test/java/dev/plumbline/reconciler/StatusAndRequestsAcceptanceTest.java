package dev.plumbline.reconciler;

import static dev.plumbline.reconciler.testing.LiveCluster.PATIENCE;
import static dev.plumbline.reconciler.testing.LiveCluster.condition;
import static dev.plumbline.reconciler.testing.Renders.REPO;
import static dev.plumbline.reconciler.testing.Renders.application;
import static dev.plumbline.reconciler.testing.Renders.automated;
import static dev.plumbline.reconciler.testing.Renders.configMap;
import static dev.plumbline.reconciler.testing.Renders.render;
import static dev.plumbline.reconciler.testing.Renders.widget;
import static dev.plumbline.reconciler.testing.Renders.widgetCrd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.TextNode;
import dev.plumbline.events.ApplicationSpec;
import dev.plumbline.events.ApplyAction;
import dev.plumbline.events.AuditRecord;
import dev.plumbline.events.CommitIgnored;
import dev.plumbline.events.DriftDetected;
import dev.plumbline.events.DriftRecovered;
import dev.plumbline.events.PlumblineService;
import dev.plumbline.events.SelfHealFight;
import dev.plumbline.events.SyncRequested;
import dev.plumbline.events.application.Destination;
import dev.plumbline.events.application.SourceSpec;
import dev.plumbline.events.application.SyncPolicy;
import dev.plumbline.events.git.WatchingApplication;
import dev.plumbline.events.manifest.DriftedField;
import dev.plumbline.events.manifest.DriftedObject;
import dev.plumbline.events.manifest.FieldManagerAttribution;
import dev.plumbline.events.manifest.ObjectIdentity;
import dev.plumbline.events.signing.SigningKey;
import dev.plumbline.events.testing.SignedEvents;
import dev.plumbline.events.testing.TestSigningKeys;
import dev.plumbline.events.topic.Topics;
import dev.plumbline.events.vocabulary.AuditAction;
import dev.plumbline.events.vocabulary.DriftKind;
import dev.plumbline.events.vocabulary.DriftMode;
import dev.plumbline.events.vocabulary.DriftResolution;
import dev.plumbline.events.vocabulary.SyncTrigger;
import dev.plumbline.reconciler.application.Application;
import dev.plumbline.reconciler.application.ApplicationSpecModel;
import dev.plumbline.reconciler.application.ApplicationStatusModel;
import dev.plumbline.reconciler.messaging.StaleSpecs;
import dev.plumbline.reconciler.testing.AcceptanceFixture;
import dev.plumbline.reconciler.testing.ApplicationsCluster;
import dev.plumbline.sandbox.kafka.EmbeddedKafkaResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * What other services and people tell the reconciler, against the embedded Kubernetes API and a real broker: drift
 * alerts and ignored commits in the status, sync requests by topic and by annotation, tombstones at start-up.
 */
@QuarkusTest
@QuarkusTestResource(value = EmbeddedKafkaResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = ApplicationsCluster.class, restrictToAnnotatedClass = true)
@Tag("slow")
class StatusAndRequestsAcceptanceTest extends AcceptanceFixture {

    private static final SigningKey DRIFT_AUDITOR = TestSigningKeys.signingKey("drift-auditor");

    @Inject
    StaleSpecs staleSpecs;

    @Test
    void theDriftSummarySaysWhoChangedWhatStopsHealingOnAFightAndIsClearedOnRecovery() {
        String app = "drifting";
        cluster.deploy(app, automated(true));
        kafka.send(render(app, "rev1", List.of(configMap(app, app, "settings", Map.of("color", "blue")))));
        cluster.awaitStatus(app, s -> s.sync != null && "synced".equals(s.sync.status) && !s.history.isEmpty());
        cluster.awaitQuiet();
        long gets = api.traffic().count("GET");
        long patches = api.traffic().count("PATCH");
        ObjectIdentity settings = ObjectIdentity.namespaced("v1", "ConfigMap", app, "settings");
        DriftDetected alert = DriftDetected.of(
                "c1",
                app,
                "episode-1",
                "rev1",
                DriftMode.HEAL,
                null,
                List.of(new DriftedObject(
                        settings,
                        DriftKind.MODIFIED,
                        List.of(field("data.color", "kubectl-edit"), field("data.size", "alice")))));

        kafka.send(alert);

        ApplicationStatusModel.DriftSummary drift = cluster.awaitCachedStatus(app, s -> s.drift != null).drift;
        assertThat(drift.episodeId).isEqualTo("episode-1");
        assertThat(drift.mode).isEqualTo("heal");
        assertThat(drift.revision).isEqualTo("rev1");
        assertThat(drift.objects).isEqualTo(1);
        assertThat(drift.fields).isEqualTo(2);
        assertThat(drift.healing).isTrue();
        assertThat(drift.detectedAt).isEqualTo(alert.time().toString());
        assertThat(drift.changedBy).containsExactly("alice", "kubectl-edit");
        cluster.awaitQuiet();
        assertThat(api.traffic().count("PATCH")).as("one status write").isEqualTo(patches + 1);
        assertThat(api.traffic().count("GET"))
                .as("no GET before the status patch")
                .isEqualTo(gets);

        kafka.send(SelfHealFight.of(
                "c1",
                app,
                "episode-1",
                settings,
                "data.color",
                new FieldManagerAttribution("kubectl-edit", "Update", null),
                5,
                Duration.ofMinutes(10)));
        cluster.awaitStatus(app, s -> s.drift != null && Boolean.FALSE.equals(s.drift.healing));

        kafka.send(DriftRecovered.of(
                "c1", app, "episode-1", alert.time(), DriftResolution.LIVE_RESTORED, List.of(settings)));
        cluster.awaitStatus(app, s -> s.drift == null);
    }

    @Test
    void anIgnoredCommitTheGitWatcherSignedIsSaidInAConditionUntilANewerCommitIsRendered() {
        String app = "ignoring";
        cluster.deploy(app, automated(true));
        kafka.send(render(app, "rev1", List.of(configMap(app, app, "settings", Map.of("k", "v")))));
        cluster.awaitStatus(app, s -> s.sync != null && "synced".equals(s.sync.status));
        String explanation = "commit 1a2b3c changed docs/readme.md; no Application watches that path; "
                + "Application ignoring watches apps/ignoring on branch main";

        CommitIgnored ignoredCommit = CommitIgnored.of(
                "c2",
                REPO,
                "refs/heads/main",
                "1a2b3c",
                List.of("docs/readme.md"),
                null,
                List.of(new WatchingApplication(app, "main", "apps/" + app)),
                explanation);

        // written by someone with access to the topic but not the git-watcher's key: never shown
        kafka.send(ignoredCommit);
        await().during(Duration.ofSeconds(2))
                .atMost(PATIENCE)
                .until(() -> condition(cluster.status(app), "CommitIgnored").isEmpty());

        kafka.send(SignedEvents.byGitWatcher(ignoredCommit));

        ApplicationStatusModel.Condition ignored = condition(
                        cluster.awaitStatus(
                                app, s -> condition(s, "CommitIgnored").isPresent()),
                        "CommitIgnored")
                .orElseThrow();
        assertThat(ignored.status).isEqualTo("True");
        assertThat(ignored.reason).isEqualTo("PathNotWatched");
        assertThat(ignored.message).isEqualTo(explanation);

        kafka.send(render(app, "rev2", List.of(configMap(app, app, "settings", Map.of("k", "v2")))));

        cluster.awaitStatus(
                app,
                s -> "rev2".equals(s.sync.revision)
                        && condition(s, "CommitIgnored").isEmpty());
    }

    @Test
    void aSpecLeftOnTheTopicByADeletedApplicationGetsItsTombstone() {
        String kept = "still-here";
        cluster.deploy(kept, null);
        kafka.send(ApplicationSpec.of(
                "deleted-meanwhile",
                "plumbline",
                1,
                SourceSpec.of(REPO, "main", "apps/gone"),
                Destination.of("gone"),
                SyncPolicy.manual(),
                null,
                List.of(),
                List.of(),
                null,
                null));
        await().atMost(PATIENCE)
                .until(() -> staleSpecs.publishedApps(PATIENCE).containsAll(List.of(kept, "deleted-meanwhile")));

        assertThat(staleSpecs.sweep(PATIENCE)).contains("deleted-meanwhile").doesNotContain(kept);

        await().atMost(PATIENCE).until(() -> !staleSpecs.publishedApps(PATIENCE).contains("deleted-meanwhile"));
        assertThat(staleSpecs.publishedApps(PATIENCE)).contains(kept);
    }

    @Test
    void onlyAHealOfAnAppWithSelfHealOnIsSyncedFromTheTopic() {
        String app = "asked";
        cluster.deploy(app, null);
        kafka.send(render(app, "rev2", List.of(configMap(app, app, "settings", Map.of("k", "v")))));
        cluster.awaitStatus(app, s -> s.sync != null && "out-of-sync".equals(s.sync.status));

        kafka.send(SyncRequested.of(
                PlumblineService.DRIFT_AUDITOR,
                "c3",
                app,
                SyncTrigger.SELF_HEAL,
                "drift",
                "plumbline",
                null,
                List.of()));

        ApplicationStatusModel refusedHeal =
                cluster.awaitStatus(app, s -> condition(s, "SyncRequestRefused").isPresent());
        assertThat(condition(refusedHeal, "SyncRequestRefused").orElseThrow().message)
                .contains("heal", "self-heal is off", "spec.syncPolicy.automated.selfHeal");

        kafka.send(SyncRequested.of(
                PlumblineService.DRIFT_AUDITOR, "c4", app, SyncTrigger.MANUAL, "ship it", "alice", null, List.of()));

        ApplicationStatusModel refusedManual = cluster.awaitStatus(
                app,
                s -> condition(s, "SyncRequestRefused")
                        .filter(c -> c.message.contains("alice"))
                        .isPresent());
        assertThat(condition(refusedManual, "SyncRequestRefused").orElseThrow().message)
                .contains("plumbline.dev/sync-requested-at", "plumb app sync");
        assertThat(refusedManual.history).isEmpty();
        assertThat(cluster.configMap(app, "settings")).isEmpty();

        String healing = "healing";
        ApplicationSpecModel.Automated selfHeal = automated(false);
        selfHeal.selfHeal = true;
        cluster.deploy(healing, selfHeal);
        kafka.send(render(healing, "rev1", List.of(configMap(healing, healing, "settings", Map.of("k", "v")))));
        cluster.awaitConfigMap(
                healing, "settings", map -> "v".equals(map.getData().get("k")));
        api.client().configMaps().inNamespace(healing).withName("settings").edit(map -> {
            map.getData().put("k", "edited");
            return map;
        });

        kafka.send(SyncRequested.of(
                PlumblineService.DRIFT_AUDITOR,
                "c5",
                healing,
                SyncTrigger.SELF_HEAL,
                "drift",
                "plumbline",
                null,
                List.of()));

        cluster.awaitConfigMap(
                healing, "settings", map -> "v".equals(map.getData().get("k")));
        assertThat(cluster.awaitStatus(healing, s -> s.history.stream().anyMatch(h -> "self-heal".equals(h.trigger)))
                        .history)
                .anyMatch(h -> "self-heal".equals(h.trigger) && "succeeded".equals(h.result));
    }

    @Test
    void theSyncAnnotationSyncsAManualAppOncePerValue() {
        String app = "annotated";
        cluster.deploy(app, null);
        kafka.send(render(app, "rev1", List.of(configMap(app, app, "settings", Map.of("k", "v")))));
        cluster.awaitStatus(app, s -> s.sync != null && "out-of-sync".equals(s.sync.status));
        String token = "2026-11-27T12:00:00Z";

        api.client()
                .resources(Application.class)
                .inNamespace("plumbline")
                .withName(app)
                .edit(application -> {
                    Map<String, String> annotations = new HashMap<>();
                    annotations.put("plumbline.dev/sync-requested-at", token);
                    annotations.put("plumbline.dev/sync-requested-by", "bob");
                    application.getMetadata().setAnnotations(annotations);
                    return application;
                });

        cluster.awaitConfigMap(app, "settings", map -> "v".equals(map.getData().get("k")));
        ApplicationStatusModel status =
                cluster.awaitStatus(app, s -> token.equals(s.handledSyncRequest) && !s.history.isEmpty());
        assertThat(status.history).hasSize(1);
        assertThat(status.history.get(0).trigger).isEqualTo("manual");
        assertThat(status.history.get(0).initiatedBy).isEqualTo("bob");
    }

    @Test
    void aCrdInTheRenderIsEstablishedBeforeItsInstancesAreApplied() {
        String app = "widgets";
        cluster.deploy(application(app, app, automated(true)));

        kafka.send(render(app, "rev1", List.of(widget(app, app, "gear"), widgetCrd(app))));

        ApplyAction widgetApplied = kafka.awaitRecord(
                Topics.APPLY_ACTIONS,
                PATIENCE,
                ApplyAction.class,
                action -> app.equals(action.app())
                        && "Widget".equals(action.object().kind()));
        assertThat(widgetApplied.result().label()).isEqualTo("succeeded");
        assertThat(widgetApplied.objectIndex()).as("after its CRD").isEqualTo(2);
        assertThat(api.client()
                        .apiextensions()
                        .v1()
                        .customResourceDefinitions()
                        .withName("widgets.example.com")
                        .get()
                        .getStatus()
                        .getConditions())
                .anySatisfy(c -> {
                    assertThat(c.getType()).isEqualTo("Established");
                    assertThat(c.getStatus()).isEqualTo("True");
                });
        GenericKubernetesResource gear = api.client()
                .genericKubernetesResources("example.com/v1", "Widget")
                .inNamespace(app)
                .withName("gear")
                .get();
        assertThat(gear).isNotNull();
        assertThat(cluster.awaitStatus(app, s -> !s.history.isEmpty()).history.get(0).applied)
                .isEqualTo(2);
    }

    @Test
    void theAuditHeadInTheStatusFollowsTheDriftAuditorsSignedRecordsAndNoOneElses() {
        String app = "audited";
        cluster.deploy(app, automated(false));
        AuditRecord first = auditRecord(app, null).signedBy(DRIFT_AUDITOR);
        AuditRecord second = auditRecord(app, first).signedBy(DRIFT_AUDITOR);
        kafka.send(first);
        kafka.send(second);

        ApplicationStatusModel.AuditHead head =
                cluster.awaitStatus(app, s -> s.audit != null && s.audit.count == 2).audit;
        assertThat(head.hash).isEqualTo(second.hash());
        assertThat(head.recordedAt).isEqualTo(second.time().toString());

        AuditRecord appended = auditRecord(app, second);
        AuditRecord third = auditRecord(app, second).signedBy(DRIFT_AUDITOR);
        kafka.send(appended);
        kafka.send(third);

        head = cluster.awaitStatus(app, s -> s.audit != null && s.audit.count == 3).audit;
        assertThat(head.hash).as("the unsigned record 3 did not move the head").isEqualTo(third.hash());

        kafka.send(render(app, "rev1", List.of(configMap(app, app, "settings", Map.of("color", "blue")))));
        ApplicationStatusModel afterReconcile =
                cluster.awaitStatus(app, s -> s.sync != null && "synced".equals(s.sync.status));
        assertThat(afterReconcile.audit)
                .as("a reconcile's status write leaves the audit head alone")
                .isEqualTo(head);
    }

    private static AuditRecord auditRecord(String app, AuditRecord previous) {
        SyncRequested request = SyncRequested.of(
                PlumblineService.DRIFT_AUDITOR, "c-audit", app, SyncTrigger.MANUAL, "", "ana", null, List.of());
        return AuditRecord.next(
                previous, request, app, AuditAction.SYNC_REQUESTED, "ana", "sync asked", null, List.of(), null);
    }

    private static DriftedField field(String path, String manager) {
        return new DriftedField(
                path,
                TextNode.valueOf("desired"),
                TextNode.valueOf("live"),
                new FieldManagerAttribution(manager, "Update", Instant.parse("2026-11-27T10:00:00Z")));
    }
}
