package dev.plumbline.driftauditor.audit;

import static dev.plumbline.driftauditor.drift.DriftFixtures.deployment;
import static dev.plumbline.driftauditor.drift.DriftFixtures.rendered;
import static dev.plumbline.driftauditor.drift.DriftFixtures.spec;
import static org.assertj.core.api.Assertions.assertThat;

import dev.plumbline.driftauditor.drift.MutableClock;
import dev.plumbline.events.ApplicationSpec;
import dev.plumbline.events.ApplyAction;
import dev.plumbline.events.AuditRecord;
import dev.plumbline.events.AuditVerifier;
import dev.plumbline.events.CommitDetected;
import dev.plumbline.events.ManifestsRendered;
import dev.plumbline.events.git.Artifact;
import dev.plumbline.events.git.CommitInfo;
import dev.plumbline.events.git.CommitRefusal;
import dev.plumbline.events.git.CommitSignature;
import dev.plumbline.events.git.FetchCause;
import dev.plumbline.events.git.GitSignature;
import dev.plumbline.events.manifest.ObjectIdentity;
import dev.plumbline.events.project.ProjectDestination;
import dev.plumbline.events.project.ProjectPolicy;
import dev.plumbline.events.signing.TrustedKeys;
import dev.plumbline.events.testing.SignedEvents;
import dev.plumbline.events.testing.TestProjects;
import dev.plumbline.events.testing.TestSigningKeys;
import dev.plumbline.events.vocabulary.ApplyOperation;
import dev.plumbline.events.vocabulary.ApplyResult;
import dev.plumbline.events.vocabulary.AuditAction;
import dev.plumbline.events.vocabulary.DriftMode;
import dev.plumbline.events.vocabulary.FetchCauseKind;
import dev.plumbline.events.vocabulary.RefUpdateKind;
import dev.plumbline.events.vocabulary.SignatureFormat;
import dev.plumbline.events.vocabulary.SignatureVerdict;
import dev.plumbline.events.vocabulary.SyncTrigger;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What an app's project refused, and who signed the commits it deployed, in the audit trail. */
class AuditRecorderProjectTest {

    private static final Instant START = Instant.parse("2026-11-27T15:00:00Z");
    private static final TrustedKeys TRUSTED = TestSigningKeys.trustedKeys("drift-auditor");
    private static final CommitSignature ANAS_KEY =
            new CommitSignature(SignatureVerdict.GOOD, SignatureFormat.SSH, "SHA256:anaskey", "ana@example.com");

    private final MutableClock clock = new MutableClock(START);
    private final MemoryAuditStore store = new MemoryAuditStore();
    private final CommitCache commits = new CommitCache(100);
    private AuditRecorder recorder = newRecorder();

    @Test
    void aRefusedRepositoryIsRecordedOncePerRepositoryAndProjectGeneration() {
        recorder.record(inProject(teamA(1)));
        recorder.record(inProject(teamA(1)));
        recorder = newRecorder();
        recorder.record(inProject(teamA(1)));

        assertThat(store.records()).singleElement().satisfies(record -> {
            assertThat(record.action()).isEqualTo(AuditAction.SOURCE_NOT_PERMITTED);
            assertThat(record.actor()).isEqualTo("plumbline");
            assertThat(record.summary())
                    .startsWith("nothing fetched: repository https://git.example.com/shop.git is not among project"
                            + " \"team-a\"'s sourceRepos");
            assertThat(record.details().path("project").asText()).isEqualTo("team-a");
            assertThat(record.details().path("projectGeneration").asLong()).isEqualTo(1);
        });

        recorder.record(inProject(teamA(2)));
        recorder.record(inProject(TestProjects.allowingEverything()));
        recorder.record(inProject(teamA(2)));

        assertThat(store.records())
                .extracting(AuditRecord::action)
                .containsExactly(
                        AuditAction.SOURCE_NOT_PERMITTED,
                        AuditAction.SOURCE_NOT_PERMITTED,
                        AuditAction.SOURCE_NOT_PERMITTED);
    }

    @Test
    void eachRefusalOfACommitIsRecordedInItsAppsTrailOnceThisInstanceWritesThatTrail() {
        CommitDetected refused = commit("corr-2", "bbb2222", CommitSignature.unsigned())
                .withRefusals(List.of(
                        new CommitRefusal("web", "team-a", "commit bbb2222 by Ana Lopez is not signed"),
                        new CommitRefusal("api", "team-a", "commit bbb2222 by Ana Lopez is not signed")));
        recorder.partitionsMoved(Set.of());
        recorder.commitRefused(SignedEvents.byGitWatcher(refused));
        recorder.tick();
        assertThat(store.records()).as("no trail is this instance's yet").isEmpty();

        recorder.partitionsMoved(Set.of(0));
        recorder.tick();
        recorder.tick();
        recorder = newRecorder();
        recorder.partitionsMoved(Set.of(0));
        recorder.commitRefused(SignedEvents.byGitWatcher(refused));
        recorder.tick();

        assertThat(store.records())
                .extracting(AuditRecord::app, AuditRecord::action)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("web", AuditAction.COMMIT_REFUSED),
                        org.assertj.core.groups.Tuple.tuple("api", AuditAction.COMMIT_REFUSED));
        AuditRecord web = store.records().get(0);
        assertThat(web.actor()).isEqualTo("Ana Lopez <ana@example.com>");
        assertThat(web.revision()).isEqualTo("bbb2222");
        assertThat(web.summary())
                .isEqualTo("commit bbb2222 on refs/heads/main is not deployed: commit bbb2222 by Ana Lopez is not"
                        + " signed");
        assertThat(web.details().path("reason").asText()).isEqualTo("commit bbb2222 by Ana Lopez is not signed");
        assertThat(web.details().path("commitSignature").path("verdict").asText())
                .isEqualTo("unsigned");
    }

    @Test
    void everyRecordAboutADeployedRevisionNamesWhoSignedItsCommitAndTheTrailStillVerifies() {
        CommitDetected commit = SignedEvents.byGitWatcher(commit("corr-1", "aaa1111", ANAS_KEY));
        commits.add(commit);
        recorder.record(renderOf(commit));
        recorder.record(ApplyAction.of(
                "corr-1",
                "web",
                "aaa1111",
                "sync-1",
                SyncTrigger.AUTOMATED,
                "plumbline",
                ObjectIdentity.namespaced("apps/v1", "Deployment", "shop", "web"),
                ApplyOperation.APPLY,
                ApplyResult.SUCCEEDED,
                null,
                1,
                1));

        List<AuditRecord> trail = store.records();
        assertThat(trail)
                .extracting(AuditRecord::action)
                .containsExactly(AuditAction.COMMIT_DETECTED, AuditAction.RENDERED, AuditAction.APPLIED);
        assertThat(trail.get(0).summary())
                .isEqualTo("commit aaa1111 on refs/heads/main by Ana Lopez <ana@example.com>, signed with SSH key"
                        + " SHA256:anaskey (ana@example.com): Scale web");
        assertThat(trail).allSatisfy(record -> {
            assertThat(record.details().path("commitSignature").path("verdict").asText())
                    .isEqualTo("good");
            assertThat(record.details().path("commitSignature").path("format").asText())
                    .isEqualTo("ssh");
            assertThat(record.details().path("commitSignature").path("key").asText())
                    .isEqualTo("SHA256:anaskey");
            assertThat(record.details().path("commitSignature").path("signer").asText())
                    .isEqualTo("ana@example.com");
        });
        assertThat(new AuditVerifier(true, TRUSTED).verify(store.asJson()).problems())
                .isEmpty();
    }

    @Test
    void aRevisionWhoseSignatureWasNotCheckedNamesNoSigner() {
        CommitDetected commit = SignedEvents.byGitWatcher(commit("corr-3", "ccc3333", null));
        commits.add(commit);
        recorder.record(renderOf(commit));

        assertThat(store.records())
                .allSatisfy(record ->
                        assertThat(record.details().has("commitSignature")).isFalse());
    }

    private static ApplicationSpec inProject(ProjectPolicy project) {
        return spec("web", DriftMode.HEAL, null).withProject(project);
    }

    private static ProjectPolicy teamA(long generation) {
        return new ProjectPolicy(
                "team-a",
                true,
                generation,
                List.of("http://127.0.0.1:*/team-a*.git"),
                List.of(ProjectDestination.of("team-a*")),
                List.of(),
                null,
                null,
                List.of());
    }

    private AuditRecorder newRecorder() {
        AuditRecorder created = new AuditRecorder(
                new AuditTrail(clock, 100, TestSigningKeys.signingKey("drift-auditor"), TRUSTED),
                store,
                commits,
                app -> Optional.empty(),
                spec -> Optional.empty(),
                Duration.ZERO,
                clock,
                (problem, continuesFrom) -> {},
                100);
        // the memory store puts every app on partition 0, which this instance holds
        created.partitionsMoved(Set.of(0));
        return created;
    }

    private static CommitDetected commit(String correlationId, String sha, CommitSignature signature) {
        GitSignature ana = new GitSignature("Ana Lopez", "ana@example.com", START);
        CommitInfo info = new CommitInfo(sha, ana, ana, "Scale web", List.of(), signature);
        return CommitDetected.of(
                correlationId,
                "https://git.example.com/shop.git",
                "refs/heads/main",
                null,
                sha,
                RefUpdateKind.INITIAL,
                List.of(info),
                List.of("apps/web/web.yaml"),
                new FetchCause(FetchCauseKind.POLL, null, null, null),
                new Artifact("http://gw/a.tgz", "0".repeat(64)));
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
