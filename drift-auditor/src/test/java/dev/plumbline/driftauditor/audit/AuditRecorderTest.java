package dev.plumbline.driftauditor.audit;

import static dev.plumbline.driftauditor.drift.DriftFixtures.deployment;
import static dev.plumbline.driftauditor.drift.DriftFixtures.rendered;
import static dev.plumbline.driftauditor.drift.DriftFixtures.spec;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.plumbline.driftauditor.drift.MutableClock;
import dev.plumbline.driftauditor.pause.ResumeMark;
import dev.plumbline.events.ApplyAction;
import dev.plumbline.events.AuditRecord;
import dev.plumbline.events.AuditVerifier;
import dev.plumbline.events.CommitDetected;
import dev.plumbline.events.DriftDetected;
import dev.plumbline.events.EventJson;
import dev.plumbline.events.ManifestsRendered;
import dev.plumbline.events.PlumblineService;
import dev.plumbline.events.SyncRequested;
import dev.plumbline.events.application.SelfHealPause;
import dev.plumbline.events.git.Artifact;
import dev.plumbline.events.git.CommitInfo;
import dev.plumbline.events.git.FetchCause;
import dev.plumbline.events.git.GitSignature;
import dev.plumbline.events.git.Trailer;
import dev.plumbline.events.manifest.DriftedObject;
import dev.plumbline.events.manifest.ObjectIdentity;
import dev.plumbline.events.signing.SigningKey;
import dev.plumbline.events.signing.TrustedKeys;
import dev.plumbline.events.testing.SignedEvents;
import dev.plumbline.events.testing.TestSigningKeys;
import dev.plumbline.events.vocabulary.ApplyOperation;
import dev.plumbline.events.vocabulary.ApplyResult;
import dev.plumbline.events.vocabulary.AuditAction;
import dev.plumbline.events.vocabulary.DriftKind;
import dev.plumbline.events.vocabulary.DriftMode;
import dev.plumbline.events.vocabulary.FetchCauseKind;
import dev.plumbline.events.vocabulary.RefUpdateKind;
import dev.plumbline.events.vocabulary.SyncTrigger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AuditRecorderTest {

    private static final Instant START = Instant.parse("2026-11-27T15:00:00Z");
    private static final ObjectIdentity WEB = ObjectIdentity.namespaced("apps/v1", "Deployment", "shop", "web");

    private static final SigningKey KEY = TestSigningKeys.signingKey("drift-auditor");
    private static final TrustedKeys TRUSTED = TestSigningKeys.trustedKeys("drift-auditor");

    private final MutableClock clock = new MutableClock(START);
    private final List<String> trailProblems = new ArrayList<>();
    private final MemoryAuditStore store = new MemoryAuditStore();
    private final CommitCache commits = new CommitCache(100);
    private Optional<ResumeMark> resumeMark = Optional.empty();
    private AuditRecorder recorder = newRecorder();

    @Test
    void anAdoptionOfAnObjectCreatedOutsidePlumblineIsItsOwnAuditRecord() {
        recorder.record(ApplyAction.of(
                "corr-1",
                "web",
                "aaa1111",
                "sync-1",
                SyncTrigger.AUTOMATED,
                "plumbline",
                WEB,
                ApplyOperation.ADOPT,
                ApplyResult.SUCCEEDED,
                null,
                1,
                1));

        AuditRecord adopted = store.records().get(0);
        assertThat(adopted.action()).isEqualTo(AuditAction.ADOPTED);
        assertThat(adopted.summary()).startsWith("adopted " + WEB);
        assertThat(adopted.details().path("operation").asText()).isEqualTo("adopt");
    }

    @Test
    void anEventOfAnAppWhosePartitionLeftMidBatchIsLeftToItsNextOwner() {
        // the rest of a batch read before a rebalance: the next owner reads those events again and records them
        recorder.partitionsMoved(Set.of());
        recorder.record(ApplyAction.of(
                "corr-1",
                "web",
                "aaa1111",
                "sync-1",
                SyncTrigger.AUTOMATED,
                "plumbline",
                WEB,
                ApplyOperation.APPLY,
                ApplyResult.SUCCEEDED,
                null,
                1,
                1));

        assertThat(store.records())
                .as("records written for an app another instance now records")
                .isEmpty();
    }

    @Test
    void aTakeOverReadBackBeforeTheDeadOwnersLastRecordsContinuesFromThemAndWritesNoneTwice() {
        List<SyncRequested> events = manualSyncs(4);
        AuditRecorder killed = newRecorder();
        killed.record(events.get(0));
        killed.record(events.get(1));
        // this instance is given the partition and reads the trail back at the first event it reads again...
        recorder.record(events.get(1));
        // ...while the instance killed a moment later still stores its last record (its offset never committed)
        killed.record(events.get(2));
        recorder.record(events.get(2));
        recorder.record(events.get(3));

        assertOnceEachInOneChain(events);
    }

    @Test
    void anInstanceThatHeldThePartitionBeforeContinuesFromTheDeadOwnersLastRecordAfterTakingItBack() {
        List<SyncRequested> events = manualSyncs(4);
        recorder.record(events.get(0));
        recorder.partitionsMoved(Set.of());
        AuditRecorder killed = newRecorder();
        killed.record(events.get(0));
        killed.record(events.get(1));
        killed.record(events.get(2));
        // killed without committing: this instance gets the partition back and reads those events again
        recorder.partitionsMoved(Set.of(0));
        recorder.record(events.get(1));
        recorder.record(events.get(2));
        recorder.record(events.get(3));

        assertOnceEachInOneChain(events);
    }

    @Test
    void anInstanceNeverToldItsPartitionLeftContinuesFromTheRecordsTheOtherWroteMeanwhile() {
        List<SyncRequested> events = manualSyncs(4);
        recorder.record(events.get(0));
        // its revocation not seen yet (a stalled instance, its session timed out): the other one recorded meanwhile
        AuditRecorder other = newRecorder();
        other.record(events.get(1));
        other.record(events.get(2));
        recorder.record(events.get(2));
        recorder.record(events.get(3));

        assertOnceEachInOneChain(events);
    }

    @Test
    void commitRenderApplyDriftAndHealAreChainedInOrderWithTheCommitsCorrelationId() {
        CommitDetected commit = commit("corr-1", "aaa1111");
        commits.add(commit);
        ManifestsRendered render = renderOf(commit);
        recorder.record(render);
        recorder.record(ApplyAction.of(
                "corr-1",
                "web",
                "aaa1111",
                "sync-1",
                SyncTrigger.AUTOMATED,
                "plumbline",
                WEB,
                ApplyOperation.APPLY,
                ApplyResult.SUCCEEDED,
                null,
                1,
                1));
        recorder.record(DriftDetected.of(
                "corr-1",
                "web",
                "ep-1",
                "aaa1111",
                DriftMode.HEAL,
                null,
                List.of(new DriftedObject(WEB, DriftKind.DELETED, List.of()))));
        recorder.record(SyncRequested.of(
                PlumblineService.DRIFT_AUDITOR,
                "corr-1",
                "web",
                SyncTrigger.SELF_HEAL,
                "drift",
                "plumbline",
                null,
                List.of(WEB)));
        recorder.record(ApplyAction.of(
                "corr-1",
                "web",
                "aaa1111",
                "sync-2",
                SyncTrigger.SELF_HEAL,
                "plumbline",
                WEB,
                ApplyOperation.APPLY,
                ApplyResult.SUCCEEDED,
                null,
                1,
                1));

        List<AuditRecord> trail = store.records();
        assertThat(trail)
                .extracting(AuditRecord::action)
                .containsExactly(
                        AuditAction.COMMIT_DETECTED,
                        AuditAction.RENDERED,
                        AuditAction.APPLIED,
                        AuditAction.DRIFT_DETECTED,
                        AuditAction.HEAL_REQUESTED,
                        AuditAction.HEALED);
        assertThat(trail).extracting(AuditRecord::correlationId).containsOnly("corr-1");
        assertThat(trail).extracting(AuditRecord::sequence).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
        AuditRecord first = trail.get(0);
        assertThat(first.actor()).isEqualTo("Ana Lopez <ana@example.com>");
        assertThat(first.details()
                        .path("commits")
                        .get(0)
                        .path("trailers")
                        .get(0)
                        .path("key")
                        .asText())
                .isEqualTo("Reviewed-by");
        assertThat(first.details()
                        .path("commits")
                        .get(0)
                        .path("committer")
                        .path("name")
                        .asText())
                .isEqualTo("Bot");
        assertThat(trail.get(4).actor()).isEqualTo("plumbline");
        assertThat(new AuditVerifier(true, TRUSTED).verify(store.asJson()).problems())
                .isEmpty();
    }

    @Test
    void anEventDeliveredTwiceIsRecordedOnceEvenAcrossARestart() {
        ManifestsRendered render = rendered("web", "bbb2222", deployment("web", "web", 3));
        recorder.record(render);
        recorder.record(render);
        recorder = newRecorder();
        recorder.record(render);
        recorder.record(SyncRequested.of(
                PlumblineService.DRIFT_AUDITOR, "corr-m", "web", SyncTrigger.MANUAL, "", "ana", null, List.of()));

        assertThat(store.records())
                .extracting(AuditRecord::action)
                .containsExactly(AuditAction.RENDERED, AuditAction.SYNC_REQUESTED);
        assertThat(store.records().get(1).actor()).isEqualTo("ana");
        assertThat(new AuditVerifier(true).verify(store.asJson()).valid()).isTrue();
    }

    @Test
    void pauseAndResumeAreRecordedWithTheirActorsAndAnExpiryResumesOnce() {
        SelfHealPause pause = new SelfHealPause(START.plus(Duration.ofHours(2)), "ana", "incident 42");
        recorder.record(spec("web", DriftMode.HEAL, pause));
        recorder.record(spec("web", DriftMode.HEAL, pause));
        recorder.tick();
        clock.advance(Duration.ofHours(2));
        recorder = newRecorder();
        recorder.record(spec("web", DriftMode.HEAL, null));
        recorder.tick();
        recorder.tick();

        List<AuditRecord> trail = store.records();
        assertThat(trail).extracting(AuditRecord::action).containsExactly(AuditAction.PAUSED, AuditAction.RESUMED);
        assertThat(trail.get(0).actor()).isEqualTo("ana");
        assertThat(trail.get(0).summary()).contains("incident 42");
        assertThat(trail.get(1).actor()).isEqualTo("plumbline");
        assertThat(trail.get(1).occurredAt()).isEqualTo(pause.until());
    }

    @Test
    void anExplicitResumeIsRecorded() {
        recorder.record(spec("web", DriftMode.HEAL, new SelfHealPause(null, "ana", "")));
        recorder.record(spec("web", DriftMode.HEAL, null));

        assertThat(store.records())
                .extracting(AuditRecord::action)
                .containsExactly(AuditAction.PAUSED, AuditAction.RESUMED);
    }

    @Test
    void anExplicitResumeIsRecordedAsThePersonTheApplicationNamesAsResumer() {
        resumeMark = Optional.of(new ResumeMark("bob", Instant.now()));
        recorder = newRecorder();
        recorder.record(spec("web", DriftMode.HEAL, new SelfHealPause(null, "ana", "incident 42")));
        recorder.record(spec("web", DriftMode.HEAL, null));

        AuditRecord resumed = store.records().get(1);
        assertThat(resumed.action()).isEqualTo(AuditAction.RESUMED);
        assertThat(resumed.actor()).isEqualTo("bob");
        assertThat(resumed.summary()).isEqualTo("self-heal resumed by bob: the pause set by ana was removed");
    }

    @Test
    void aResumeMarkFromBeforeThePauseDoesNotNameTheResumer() {
        resumeMark = Optional.of(new ResumeMark("bob", Instant.now().minus(Duration.ofHours(1))));
        recorder = newRecorder();
        recorder.record(spec("web", DriftMode.HEAL, new SelfHealPause(null, "ana", "")));
        recorder.record(spec("web", DriftMode.HEAL, null));

        assertThat(store.records().get(1).actor()).isEqualTo("unknown");
    }

    @Test
    void deletingOrEditingOneRecordInACopyMakesTheVerifierFail() {
        recorder.record(rendered("web", "ccc3333", deployment("web", "web", 3)));
        recorder.record(SyncRequested.of(
                PlumblineService.DRIFT_AUDITOR, "c", "web", SyncTrigger.MANUAL, "", "ana", null, List.of()));
        recorder.record(SyncRequested.of(
                PlumblineService.DRIFT_AUDITOR, "d", "web", SyncTrigger.MANUAL, "", "bob", null, List.of()));
        List<JsonNode> trail = store.asJson();

        List<JsonNode> deleted = new ArrayList<>(trail);
        deleted.remove(1);
        AuditVerifier.Report gap = new AuditVerifier(true).verify(deleted);
        assertThat(gap.valid()).isFalse();
        assertThat(gap.problems())
                .extracting(AuditVerifier.Problem::kind)
                .contains(AuditVerifier.ProblemKind.GAP, AuditVerifier.ProblemKind.BROKEN_LINK);

        List<JsonNode> edited = new ArrayList<>(
                trail.stream().map(node -> node.<JsonNode>deepCopy()).toList());
        ((ObjectNode) edited.get(1)).put("actor", "mallory");
        AuditVerifier.Report changed = new AuditVerifier(true).verify(edited);
        assertThat(changed.problems())
                .singleElement()
                .satisfies(problem -> assertThat(problem.kind()).isEqualTo(AuditVerifier.ProblemKind.CHANGED));
        assertThat(changed.describe()).contains("web #2 CHANGED");

        List<JsonNode> firstGone = new ArrayList<>(trail);
        firstGone.remove(0);
        assertThat(new AuditVerifier(true).verify(firstGone).valid()).isFalse();
        assertThat(new AuditVerifier(false).verify(firstGone).valid()).isTrue();
    }

    @Test
    void aTailAppendedBySomeoneElseIsReportedAtReadBackAndTheChainContinuesFromTheLastSignedRecord() {
        recorder.record(rendered("web", "ddd4444", deployment("web", "web", 3)));
        recorder.record(SyncRequested.of(
                PlumblineService.DRIFT_AUDITOR, "e", "web", SyncTrigger.MANUAL, "", "ana", null, List.of()));
        AuditRecord genuine = store.records().get(1);
        SyncRequested claimed = SyncRequested.of(
                PlumblineService.DRIFT_AUDITOR, "f", "web", SyncTrigger.MANUAL, "", "bob", null, List.of());
        AuditRecord appended = AuditRecord.next(
                genuine, claimed, "web", AuditAction.SYNC_REQUESTED, "bob", "forged", null, List.of(), null);
        store.stored.add(EventJson.write(appended));

        recorder = newRecorder();
        recorder.record(claimed);

        assertThat(trailProblems).containsExactly("web #3 UNTRUSTED, continues from 2");
        AuditRecord next = store.records().get(3);
        assertThat(next.sequence()).isEqualTo(3);
        assertThat(next.previousHash()).isEqualTo(genuine.hash());
        assertThat(next.sourceEventId()).isEqualTo(claimed.eventId());
        assertThat(new AuditVerifier(true, TRUSTED).verify(store.asJson()).problems())
                .extracting(AuditVerifier.Problem::sequence, AuditVerifier.Problem::kind)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(3L, AuditVerifier.ProblemKind.UNTRUSTED));
    }

    @Test
    void anIntactTrailReadBackReportsNothing() {
        recorder.record(rendered("web", "eee5555", deployment("web", "web", 3)));
        recorder = newRecorder();
        recorder.record(SyncRequested.of(
                PlumblineService.DRIFT_AUDITOR, "g", "web", SyncTrigger.MANUAL, "", "ana", null, List.of()));

        assertThat(trailProblems).isEmpty();
        assertThat(store.records()).extracting(AuditRecord::sequence).containsExactly(1L, 2L);
    }

    @Test
    void anUntrustedRenderIsRecordedAsRefusedWithWhyAndWhoItClaimsToBe() {
        AuditRecorder recorder = newRecorder();
        ManifestsRendered forged =
                renderOf(commit("corr-forged", "f0f0f0f1")).signedWith(TestSigningKeys.signingKey("git-watcher"));

        recorder.recordUntrusted(forged, "its signature was not made by the renderer's key over these contents");

        assertThat(store.records()).singleElement().satisfies(record -> {
            assertThat(record.action()).isEqualTo(AuditAction.RENDER_UNTRUSTED);
            assertThat(record.actor()).isEqualTo("unknown");
            assertThat(record.revision()).isEqualTo("f0f0f0f1");
            assertThat(record.summary()).contains("refused an untrusted render of f0f0f0f");
            assertThat(record.details().get("problem").asText()).contains("renderer's key");
            assertThat(record.details().get("claimedSource").asText()).isEqualTo("plumbline/renderer");
        });
    }

    /** Manual syncs of web by different people: each its own source event. */
    private static List<SyncRequested> manualSyncs(int count) {
        List<SyncRequested> syncs = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            syncs.add(SyncRequested.of(
                    PlumblineService.DRIFT_AUDITOR,
                    "sync-" + i,
                    "web",
                    SyncTrigger.MANUAL,
                    "",
                    "user-" + i,
                    null,
                    List.of()));
        }
        return syncs;
    }

    /** The trail holds one record of each event, in the events' order, and verifies as one chain. */
    private void assertOnceEachInOneChain(List<SyncRequested> events) {
        assertThat(store.records())
                .as("source events of the trail (each recorded once)")
                .extracting(AuditRecord::sourceEventId)
                .containsExactlyElementsOf(
                        events.stream().map(SyncRequested::eventId).toList());
        assertThat(store.records()).extracting(AuditRecord::sequence).containsExactly(1L, 2L, 3L, 4L);
        AuditVerifier.Report verified = new AuditVerifier(true, TRUSTED).verify(store.asJson());
        assertThat(verified.valid()).as(verified.describe()).isTrue();
    }

    private AuditRecorder newRecorder() {
        AuditRecorder created = new AuditRecorder(
                new AuditTrail(clock, 100, KEY, TRUSTED),
                store,
                commits,
                app -> Optional.empty(),
                spec -> resumeMark,
                Duration.ZERO,
                clock,
                (problem, continuesFrom) -> trailProblems.add(problem.app() + " #" + problem.sequence() + " "
                        + problem.kind() + ", continues from " + continuesFrom),
                100);
        // the memory store puts every app on partition 0, which this instance holds
        created.partitionsMoved(Set.of(0));
        return created;
    }

    private static CommitDetected commit(String correlationId, String sha) {
        GitSignature ana = new GitSignature("Ana Lopez", "ana@example.com", START);
        CommitInfo info = new CommitInfo(
                sha,
                ana,
                new GitSignature("Bot", "bot@example.com", START),
                "Scale web\n\nReviewed-by: Bo <bo@example.com>",
                List.of(new Trailer("Reviewed-by", "Bo <bo@example.com>")));
        return SignedEvents.byGitWatcher(CommitDetected.of(
                correlationId,
                "https://git.example.com/shop.git",
                "refs/heads/main",
                null,
                sha,
                RefUpdateKind.INITIAL,
                List.of(info),
                List.of("apps/web/web.yaml"),
                new FetchCause(FetchCauseKind.POLL, null, null, null),
                new Artifact("http://gw/a.tgz", "0".repeat(64))));
    }

    private static ManifestsRendered renderOf(CommitDetected commit) {
        ManifestsRendered plain = rendered("web", commit.after(), deployment("web", "web", 3));
        return SignedEvents.byRenderer(ManifestsRendered.of(
                commit.correlationId(),
                "web",
                1,
                plain.sourceDigest(),
                plain.repoUrl(),
                commit.after(),
                plain.path(),
                plain.renderer(),
                plain.objects()));
    }
}
