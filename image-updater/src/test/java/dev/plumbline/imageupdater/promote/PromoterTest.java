package dev.plumbline.imageupdater.promote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plumbline.events.git.CommitInfo;
import dev.plumbline.events.git.GitSignature;
import dev.plumbline.events.git.Trailer;
import dev.plumbline.servicekit.retry.ExponentialBackoff;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PromoterTest {

    private static final String REPO = "127.0.0.1:5000/shop/web";
    private static final AppSource WEB = new AppSource("web", "http://git.example/shop/deploy.git", "main", "apps/web");
    private static final ImageKey KEY = new ImageKey("web", REPO);
    private static final Instant NOW = Instant.parse("2026-12-07T23:00:00Z");

    private final Fakes.Registry registry = new Fakes.Registry();
    private final Fakes.Config config = new Fakes.Config(REPO + ":1.2.3");
    private final Fakes.Host host = new Fakes.Host();
    private final Fakes.Told told = new Fakes.Told();
    private ImageLedger ledger = new ImageLedger();

    private Promoter promoter() {
        return new Promoter(
                registry,
                config,
                host,
                ledger,
                told,
                new PromotionText(Optional.of("https://pl.example/apps/{app}")),
                new ExponentialBackoff(Duration.ofSeconds(10), 2, Duration.ofMinutes(10), 0),
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private Optional<Instant> check(boolean direct) {
        return promoter().check(watch(direct), Cause.poll());
    }

    private static ImageWatch watch(boolean direct) {
        return new ImageWatch(WEB, KEY, new Fakes.PrefixChooser("1.2"), direct);
    }

    @Test
    void aNewImageInRangeIsProposedOnceAndANewerOneUpdatesTheSamePullRequest() {
        registry.push("1.2.3");
        registry.push("1.2.4");
        check(false);
        check(false);

        assertThat(host.opened).isOne();
        ImageNews.Proposed first = told.of(ImageNews.Proposed.class).get(0);
        assertThat(first.branch()).isEqualTo("plumbline/promote/web/web");
        assertThat(first.previousImage()).isEqualTo(REPO + ":1.2.3");
        assertThat(first.updated()).isFalse();
        assertThat(config.messages.get(0))
                .startsWith("Promote web to 1.2.4")
                .contains("Plumbline-Promotion: " + first.promotionId())
                .contains("Plumbline-Image: " + REPO + ":1.2.4@" + registry.digest("1.2.4"));
        assertThat(host.open.get(1).body())
                .contains("https://pl.example/apps/web")
                .contains("abc123");

        registry.push("1.2.5");
        check(false);

        assertThat(host.opened).as("the same pull request, not a second one").isOne();
        assertThat(host.updated).isOne();
        ImageNews.Proposed second = told.of(ImageNews.Proposed.class).get(1);
        assertThat(second.updated()).isTrue();
        assertThat(second.promotionId()).isEqualTo(first.promotionId());
        assertThat(second.tag()).isEqualTo("1.2.5");
        assertThat(told.of(ImageNews.Detected.class))
                .as("1.2.3 was in the registry before; each chosen image is told once")
                .extracting(ImageNews.Detected::tag)
                .containsExactly("1.2.4", "1.2.5");
    }

    @Test
    void aPrereleaseOutsideTheRangeIsToldIgnoredOnceAndProposesNothing() {
        registry.push("1.2.4");
        check(false);
        registry.push("1.3.0-rc.1");
        check(false);
        check(false);

        List<ImageNews.Detected> ignored = told.of(ImageNews.Detected.class).stream()
                .filter(detected -> !detected.selected())
                .toList();
        assertThat(ignored).singleElement().satisfies(detected -> {
            assertThat(detected.tag()).isEqualTo("1.3.0-rc.1");
            assertThat(detected.explanation()).isEqualTo("1.3.0-rc.1 is outside ~1.2");
        });
        assertThat(host.opened).isOne();
        assertThat(host.updated).isZero();
    }

    @Test
    void aTagTheRegistryCouldNotYetDescribeIsStillToldAtTheNextCheck() {
        registry.push("1.2.4");
        check(false);
        registry.push("1.3.0-rc.1");
        registry.notYetReadable = "1.3.0-rc.1";
        check(false);
        registry.notYetReadable = null;
        check(false);

        assertThat(told.of(ImageNews.Detected.class))
                .filteredOn(detected -> !detected.selected())
                .extracting(ImageNews.Detected::tag)
                .containsExactly("1.3.0-rc.1");
    }

    @Test
    void aRestartRebuiltFromTheToldNewsNeitherTellsAgainNorOpensASecondPullRequest() {
        registry.push("1.2.4");
        check(false);
        ImageLedger rebuilt = new ImageLedger();
        told.news.forEach(rebuilt::record);
        ledger = rebuilt;
        int before = told.news.size();

        check(false);

        assertThat(told.news).hasSize(before);
        assertThat(config.branches).hasSize(1);
    }

    @Test
    void aRegistryThatIsDownIsToldOnceAndRetriedWithAGrowingWait() {
        registry.push("1.2.4");
        registry.down = new ImageRegistry.RegistryFailure("127.0.0.1:5000 does not answer; is it running?", true);

        Optional<Instant> first = check(false);
        Optional<Instant> second = check(false);

        assertThat(first).contains(NOW.plusSeconds(10));
        assertThat(second).contains(NOW.plusSeconds(20));
        assertThat(told.of(ImageNews.Failed.class)).singleElement().satisfies(failed -> {
            assertThat(failed.reason()).isEqualTo(FailureReason.REGISTRY_UNREACHABLE);
            assertThat(failed.nextAttemptAt()).isEqualTo(NOW.plusSeconds(10));
        });
        assertThat(ledger.statuses()).singleElement().satisfies(status -> {
            assertThat(status.lastError()).contains("does not answer");
            assertThat(status.nextAttempt()).isEqualTo(NOW.plusSeconds(20));
            assertThat(status.failures()).isEqualTo(2);
        });

        registry.down = null;
        check(false);

        assertThat(ledger.statuses().get(0).lastError()).isNull();
        assertThat(host.opened).isOne();
    }

    @Test
    void aDirectPromotionCommitsToTheTargetBranchAndIsMergedAtOnce() {
        registry.push("1.2.4");
        check(true);

        assertThat(config.branches).containsExactly((String) null);
        assertThat(host.opened).isZero();
        assertThat(told.of(ImageNews.Merged.class)).singleElement().satisfies(merged -> {
            assertThat(merged.direct()).isTrue();
            assertThat(merged.mergeCommit()).isEqualTo("c1");
            assertThat(merged.pullRequestUrl()).isNull();
        });

        check(true);
        assertThat(config.branches).as("the files pin it now").hasSize(1);
    }

    @Test
    void anAppOnHeadIsProposedAgainstTheDefaultBranch() {
        AppSource onHead = new AppSource("web", WEB.repoUrl(), "HEAD", WEB.path());
        registry.push("1.2.4");

        promoter().check(new ImageWatch(onHead, KEY, new Fakes.PrefixChooser("1.2"), false), Cause.poll());

        assertThat(told.of(ImageNews.Proposed.class).get(0).targetRevision()).isEqualTo("main");
        assertThat(host.open.get(1).base()).isEqualTo("main");
    }

    @Test
    void anOlderImageNeverReplacesTheNewerOneTheFilesHold() {
        config.pinned = REPO + ":1.2.9";
        registry.push("1.2.4");
        check(false);

        assertThat(config.branches).isEmpty();
        assertThat(host.opened).isZero();
    }

    @Test
    void filesThatDoNotNameTheImageFailOnceWithTheFilesToEdit() {
        config.pinned = null;
        registry.push("1.2.4");
        check(false);
        check(false);

        assertThat(told.of(ImageNews.Failed.class)).singleElement().satisfies(failed -> {
            assertThat(failed.reason()).isEqualTo(FailureReason.NO_IMAGE_REFERENCE);
            assertThat(failed.message()).contains("apps/web").contains("# plumbline:image " + REPO);
        });
    }

    @Test
    void theMergeOfAProposedPromotionIsToldWithTheHostsApprovers() {
        registry.push("1.2.4");
        check(false);
        String promotionId = told.of(ImageNews.Proposed.class).get(0).promotionId();
        host.approvers.add("ana");
        MergeWatch merges = new MergeWatch(host, ledger, told);

        merges.landed(WEB, KEY, "m1", List.of(commit("unrelated")));
        assertThat(told.of(ImageNews.Merged.class)).isEmpty();

        merges.landed(WEB, KEY, "m2", List.of(commit("p1", new Trailer("Plumbline-Promotion", promotionId))));
        merges.landed(WEB, KEY, "m2", List.of(commit("p1", new Trailer("Plumbline-Promotion", promotionId))));

        assertThat(told.of(ImageNews.Merged.class)).singleElement().satisfies(merged -> {
            assertThat(merged.mergeCommit()).isEqualTo("m2");
            assertThat(merged.approvers()).containsExactly("ana");
            assertThat(merged.approvalSource()).isEqualTo(ImageNews.ApprovalSource.HOST);
            assertThat(merged.pullRequestUrl()).endsWith("/pulls/1");
        });
    }

    @Test
    void aMergeWhoseTellingFailsIsTriedAgainUntilToldAndGivenUpOnlyWhenStopping() {
        registry.push("1.2.4");
        check(false);
        String promotionId = told.of(ImageNews.Proposed.class).get(0).promotionId();
        MergeWatch merges = new MergeWatch(host, ledger, told);
        List<CommitInfo> landed = List.of(commit("p1", new Trailer("Plumbline-Promotion", promotionId)));
        List<Duration> waits = new java.util.ArrayList<>();
        RetryUntilDone retry = new RetryUntilDone(
                new ExponentialBackoff(Duration.ofSeconds(1), 2, Duration.ofMinutes(1), 0), wait -> waits.add(wait));
        told.failuresToCome = 2;

        retry.run("commit m1", () -> merges.landed(WEB, KEY, "m1", landed));

        assertThat(waits).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
        assertThat(told.of(ImageNews.Merged.class))
                .singleElement()
                .satisfies(merged -> assertThat(merged.mergeCommit()).isEqualTo("m1"));

        RetryUntilDone stopping = new RetryUntilDone(
                new ExponentialBackoff(Duration.ofSeconds(1), 2, Duration.ofMinutes(1), 0), wait -> false);
        assertThatThrownBy(() -> stopping.run("commit m2", () -> {
                    throw new IllegalStateException("Kafka is away");
                }))
                .isInstanceOf(java.util.concurrent.CancellationException.class)
                .hasMessageContaining("commit m2")
                .hasMessageContaining("read again");
    }

    @Test
    void withoutApproversOnTheHostTheApprovedByTrailersCount() {
        registry.push("1.2.4");
        check(false);
        String promotionId = told.of(ImageNews.Proposed.class).get(0).promotionId();

        new MergeWatch(host, ledger, told)
                .landed(
                        WEB,
                        KEY,
                        "m1",
                        List.of(commit(
                                "p1",
                                new Trailer("Plumbline-Promotion", promotionId),
                                new Trailer("Approved-by", "Bo <bo@x>"))));

        ImageNews.Merged merged = told.of(ImageNews.Merged.class).get(0);
        assertThat(merged.approvers()).containsExactly("Bo <bo@x>");
        assertThat(merged.approvalSource()).isEqualTo(ImageNews.ApprovalSource.TRAILER);
    }

    @Test
    void ciMustNameADigestTheRegistryHoldsUnderThatTag() {
        registry.push("1.2.4");
        registry.push("1.2.5");

        assertThatThrownBy(() -> promoter()
                        .promoteFromCi(List.of(watch(false)), KEY, "1.2.4", registry.digest("1.2.5"), false, "ci"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("send the digest the tag has");
        assertThatThrownBy(() -> promoter()
                        .promoteFromCi(List.of(watch(false)), KEY, null, "sha256:" + "f".repeat(64), false, "ci"))
                .isInstanceOf(ImageRegistry.RegistryFailure.class);
        assertThat(config.branches).isEmpty();

        Promoter.Outcome outcome =
                promoter().promoteFromCi(List.of(watch(false)), KEY, null, registry.digest("1.2.5"), false, "ci");

        assertThat(outcome.pullRequestUrl()).endsWith("/pulls/1");
        assertThat(told.of(ImageNews.Proposed.class).get(0).actor()).isEqualTo("ci");
    }

    @Test
    void ciPromotesOnlyAnImageItsAppHasAPolicyForAndDirectlyOnlyWhenThePolicySaysDirect() {
        registry.push("1.2.4");
        String digest = registry.digest("1.2.4");
        ImageKey other = new ImageKey("web", "127.0.0.1:5000/shop/api");

        assertThatThrownBy(() -> promoter().promoteFromCi(List.of(watch(false)), other, null, digest, false, "ci"))
                .isInstanceOfSatisfying(
                        CiRefusal.class, refusal -> assertThat(refusal.kind()).isEqualTo(CiRefusal.Kind.NO_POLICY))
                .hasMessageContaining("127.0.0.1:5000/shop/api")
                .hasMessageContaining("web's image policies cover " + REPO);
        assertThatThrownBy(() -> promoter().promoteFromCi(List.of(), KEY, null, digest, false, "ci"))
                .isInstanceOf(CiRefusal.class)
                .hasMessageContaining("has no image policy");
        assertThatThrownBy(() -> promoter().promoteFromCi(List.of(watch(false)), KEY, null, digest, true, "ci"))
                .isInstanceOfSatisfying(
                        CiRefusal.class, refusal -> assertThat(refusal.kind()).isEqualTo(CiRefusal.Kind.NOT_DIRECT))
                .hasMessageContaining("web")
                .hasMessageContaining(REPO)
                .hasMessageContaining("its image policy says promotion: pull-request; ask for a pull request, or set"
                        + " promotion: direct in the Application");
        assertThat(config.branches).isEmpty();
        assertThat(told.news).as("a refused call tells nothing").isEmpty();

        Promoter.Outcome outcome = promoter().promoteFromCi(List.of(watch(true)), KEY, null, digest, true, "ci");

        assertThat(outcome.commit()).isEqualTo("c1");
        assertThat(config.branches).containsExactly((String) null);
    }

    private static CommitInfo commit(String sha, Trailer... trailers) {
        GitSignature reviewer = new GitSignature("Reviewer", "r@example.com", NOW);
        return new CommitInfo(sha, reviewer, reviewer, "message", List.of(trailers));
    }
}
