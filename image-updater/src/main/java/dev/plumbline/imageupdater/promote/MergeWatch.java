package dev.plumbline.imageupdater.promote;

import dev.plumbline.events.git.CommitInfo;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Sees a proposed promotion merged: a commit on the app's target branch whose message carries the promotion's id in
 * its {@code Plumbline-Promotion} trailer. Merge, squash and rebase merges all keep the message. The approvers come
 * from the host's API, else from {@code Approved-by} trailers of the commits that landed.
 */
public final class MergeWatch {

    private static final Logger LOG = Logger.getLogger(MergeWatch.class);

    private final PullRequests.Hosts hosts;
    private final ImageLedger ledger;
    private final ImageNews.Sink sink;

    public MergeWatch(PullRequests.Hosts hosts, ImageLedger ledger, ImageNews.Sink sink) {
        this.hosts = hosts;
        this.ledger = ledger;
        this.sink = sink;
    }

    /** Whether a ref named by a commit event is the branch the app's promotions merge into. */
    public static boolean isTarget(AppSource source, String ref) {
        String target = source.targetRevision();
        return ref.equals(target) || ref.equals("refs/heads/" + target) || "HEAD".equals(target);
    }

    /**
     * Tells the promotion of {@code key} merged when the commits that landed on the app's target branch carry it.
     *
     * @param after   the commit the branch moved to: the merge commit
     * @param commits the commits that landed, oldest first
     */
    public void landed(AppSource source, ImageKey key, String after, List<CommitInfo> commits) {
        Optional<OpenPromotion> open = ledger.open(key);
        if (open.isEmpty()) {
            return;
        }
        String promotionId = open.get().promotionId();
        boolean carried = commits.stream()
                .anyMatch(commit ->
                        commit.trailerValues(PromotionText.PROMOTION_TRAILER).contains(promotionId));
        if (!carried) {
            return;
        }
        List<String> approvers = hostApprovers(source, open.get());
        ImageNews.ApprovalSource approvalSource = ImageNews.ApprovalSource.HOST;
        if (approvers.isEmpty()) {
            approvers = commits.stream()
                    .flatMap(commit -> commit.trailerValues(PromotionText.APPROVED_BY_TRAILER).stream())
                    .distinct()
                    .toList();
            approvalSource = approvers.isEmpty() ? ImageNews.ApprovalSource.NONE : ImageNews.ApprovalSource.TRAILER;
        }
        CommitInfo last = commits.get(commits.size() - 1);
        String mergedBy = last.committer() != null ? last.committer().name() : null;
        ImageNews.Merged merged = new ImageNews.Merged(
                key,
                promotionId,
                open.get().tag(),
                open.get().digest(),
                source.repoUrl(),
                after,
                open.get().pullRequestUrl(),
                mergedBy,
                approvers,
                approvalSource,
                false);
        sink.tell(merged);
        ledger.record(merged);
        LOG.infof("%s: promotion %s merged as %s", key, promotionId, after);
    }

    private List<String> hostApprovers(AppSource source, OpenPromotion open) {
        try {
            return hosts.of(source).approvers(open.pullRequestNumber());
        } catch (RuntimeException unavailable) {
            LOG.warnf(
                    "%s: cannot ask the host who approved pull request %d (%s); reading Approved-by trailers",
                    source.app(), open.pullRequestNumber(), unavailable.getMessage());
            return List.of();
        }
    }
}
