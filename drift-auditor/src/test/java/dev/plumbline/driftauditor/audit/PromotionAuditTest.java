package dev.plumbline.driftauditor.audit;

import static dev.plumbline.driftauditor.drift.DriftFixtures.deployment;
import static dev.plumbline.driftauditor.drift.DriftFixtures.rendered;
import static org.assertj.core.api.Assertions.assertThat;

import dev.plumbline.driftauditor.drift.MutableClock;
import dev.plumbline.events.AuditRecord;
import dev.plumbline.events.AuditVerifier;
import dev.plumbline.events.CommitDetected;
import dev.plumbline.events.ImageDetected;
import dev.plumbline.events.ImageDetectionCause;
import dev.plumbline.events.ManifestsRendered;
import dev.plumbline.events.PromotionFailed;
import dev.plumbline.events.PromotionMerged;
import dev.plumbline.events.PromotionProposed;
import dev.plumbline.events.git.Artifact;
import dev.plumbline.events.git.CommitInfo;
import dev.plumbline.events.git.FetchCause;
import dev.plumbline.events.git.GitSignature;
import dev.plumbline.events.git.Trailer;
import dev.plumbline.events.signing.SigningKey;
import dev.plumbline.events.signing.TrustedKeys;
import dev.plumbline.events.testing.SignedEvents;
import dev.plumbline.events.testing.TestSigningKeys;
import dev.plumbline.events.vocabulary.ApprovalSource;
import dev.plumbline.events.vocabulary.AuditAction;
import dev.plumbline.events.vocabulary.FetchCauseKind;
import dev.plumbline.events.vocabulary.PromotionFailureReason;
import dev.plumbline.events.vocabulary.PromotionMode;
import dev.plumbline.events.vocabulary.RefUpdateKind;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** An image's way from the registry to a merged pull request, in the app's audit chain with what follows it. */
class PromotionAuditTest {

    private static final Instant START = Instant.parse("2026-12-07T23:00:00Z");
    private static final SigningKey KEY = TestSigningKeys.signingKey("drift-auditor");
    private static final TrustedKeys TRUSTED = TestSigningKeys.trustedKeys("drift-auditor");
    private static final String REPOSITORY = "127.0.0.1:5000/shop/web";
    private static final String DIGEST = "sha256:" + "ab".repeat(32);
    private static final String PULL_REQUEST = "http://git.example.com/plumbline/shop/pulls/7";
    private static final String MERGE_COMMIT = "ccc3333" + "0".repeat(33);

    private final MutableClock clock = new MutableClock(START);
    private final MemoryAuditStore store = new MemoryAuditStore();
    private final CommitCache commits = new CommitCache(100);
    private AuditRecorder recorder = newRecorder();

    @Test
    void detectionProposalAndMergeAreChainedBeforeTheMergeCommitsRender() {
        ImageDetected ignored = ImageDetected.of(
                "corr-rc",
                "web",
                REPOSITORY,
                "1.3.0-rc.1",
                "sha256:" + "cd".repeat(32),
                START,
                null,
                null,
                ImageDetectionCause.ci("shop-ci"),
                false,
                "1.3.0-rc.1 is outside ~1.2");
        ImageDetected chosen = ImageDetected.of(
                "corr-7",
                "web",
                REPOSITORY,
                "1.2.5",
                DIGEST,
                START,
                "a1b2c3d",
                "https://git.example.com/shop/web",
                ImageDetectionCause.registryNotification("distribution", "delivery-1"),
                true,
                "1.2.5 is the highest version within ~1.2");
        PromotionProposed proposed = PromotionProposed.of(
                "corr-7",
                "web",
                "promo-1",
                REPOSITORY,
                "1.2.5",
                DIGEST,
                REPOSITORY + ":1.2.4",
                "a1b2c3d",
                "https://git.example.com/shop/web",
                "https://git.example.com/shop/config.git",
                "main",
                "plumbline/promote/web/web",
                "ddd4444",
                List.of("apps/web/kustomization.yaml"),
                PULL_REQUEST,
                7,
                false,
                "plumbline");
        PromotionMerged merged = PromotionMerged.of(
                "corr-7",
                "web",
                "promo-1",
                REPOSITORY,
                "1.2.5",
                DIGEST,
                "https://git.example.com/shop/config.git",
                MERGE_COMMIT,
                PULL_REQUEST,
                "ana",
                List.of("bo", "cy"),
                ApprovalSource.HOST,
                PromotionMode.PULL_REQUEST);
        CommitDetected mergeCommit = mergeCommit();
        commits.add(mergeCommit);

        for (var event : List.of(ignored, chosen, proposed, merged, renderOf(mergeCommit))) {
            recorder.record(event);
        }
        recorder = newRecorder();
        recorder.record(merged);

        List<AuditRecord> trail = store.records();
        assertThat(trail)
                .extracting(AuditRecord::action)
                .containsExactly(
                        AuditAction.IMAGE_DETECTED,
                        AuditAction.IMAGE_DETECTED,
                        AuditAction.PROMOTION_PROPOSED,
                        AuditAction.PROMOTION_MERGED,
                        AuditAction.COMMIT_DETECTED,
                        AuditAction.RENDERED);
        assertThat(trail.get(0).actor()).isEqualTo("shop-ci");
        assertThat(trail.get(0).summary()).contains("ignored: 1.3.0-rc.1 is outside ~1.2");
        assertThat(trail.get(1).actor()).isEqualTo("plumbline");
        assertThat(trail.get(1).details().path("sourceRevision").asText()).isEqualTo("a1b2c3d");
        AuditRecord proposal = trail.get(2);
        assertThat(proposal.summary())
                .isEqualTo("pull request #7 proposes " + REPOSITORY + ":1.2.5 sha256:abababababab (was " + REPOSITORY
                        + ":1.2.4): " + PULL_REQUEST);
        assertThat(proposal.details().path("pullRequestUrl").asText()).isEqualTo(PULL_REQUEST);
        assertThat(proposal.details().path("digest").asText()).isEqualTo(DIGEST);
        AuditRecord merge = trail.get(3);
        assertThat(merge.actor()).isEqualTo("ana");
        assertThat(merge.revision())
                .isEqualTo(MERGE_COMMIT)
                .isEqualTo(trail.get(4).revision());
        assertThat(merge.summary()).contains("merged by ana (approved by bo, cy) as ccc3333");
        assertThat(merge.details().path("approvers").toString()).isEqualTo("[\"bo\",\"cy\"]");
        assertThat(merge.details().path("approvalSource").asText()).isEqualTo("host");
        assertThat(new AuditVerifier(true, TRUSTED).verify(store.asJson()).problems())
                .isEmpty();
    }

    @Test
    void aFailureSaysWhatFailedAndWhenItIsTriedAgain() {
        recorder.record(PromotionFailed.of(
                "corr-8",
                "web",
                REPOSITORY,
                "1.2.6",
                null,
                PromotionFailureReason.PUSH_REFUSED,
                "the config repository refused the push: check the write credential's permissions",
                START.plusSeconds(60)));

        AuditRecord failure = store.records().get(0);
        assertThat(failure.action()).isEqualTo(AuditAction.PROMOTION_FAILED);
        assertThat(failure.actor()).isEqualTo("plumbline");
        assertThat(failure.summary())
                .isEqualTo("promotion of " + REPOSITORY + ":1.2.6 failed (push-refused): the config repository"
                        + " refused the push: check the write credential's permissions; next attempt at"
                        + " 2026-12-07T23:01:00Z");
        assertThat(failure.details().path("reason").asText()).isEqualTo("push-refused");
    }

    private AuditRecorder newRecorder() {
        AuditRecorder created = new AuditRecorder(
                new AuditTrail(clock, 100, KEY, TRUSTED),
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

    private static CommitDetected mergeCommit() {
        GitSignature ana = new GitSignature("Ana", "ana@example.com", START);
        CommitInfo info = new CommitInfo(
                MERGE_COMMIT,
                ana,
                ana,
                "Promote web to 1.2.5\n\nPlumbline-Promotion: promo-1",
                List.of(new Trailer("Plumbline-Promotion", "promo-1")));
        return SignedEvents.byGitWatcher(CommitDetected.of(
                "corr-merge",
                "https://git.example.com/shop/config.git",
                "refs/heads/main",
                "ddd4444",
                MERGE_COMMIT,
                RefUpdateKind.FAST_FORWARD,
                List.of(info),
                List.of("apps/web/kustomization.yaml"),
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
