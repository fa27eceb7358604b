package dev.plumbline.imageupdater.wiring;

import dev.plumbline.imageupdater.promote.FailureReason;
import dev.plumbline.imageupdater.promote.PromotionFailure;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.transport.CredentialsProvider;

/**
 * The branch an Application's target revision names, as promotions need one to base a change on and to push or
 * propose it to. {@code HEAD} (the default) or nothing is the remote's default branch, read from its HEAD symref: a
 * pull request against "HEAD" is not one any host takes.
 */
final class TargetBranch {

    private static final String HEADS = Constants.R_HEADS;

    private TargetBranch() {}

    /**
     * @throws PromotionFailure ({@code PUSH_REFUSED}) when the revision is a tag or a commit, the remote names no
     *                          default branch, or it cannot be read; the message says what to set
     */
    static String of(String repoUrl, CredentialsProvider credentials, String targetRevision) {
        String revision = targetRevision == null ? "" : targetRevision.strip();
        Map<String, Ref> refs;
        try {
            refs = Git.lsRemoteRepository()
                    .setRemote(repoUrl)
                    .setCredentialsProvider(credentials)
                    .setHeads(false)
                    .setTags(false)
                    .callAsMap();
        } catch (GitAPIException unreadable) {
            throw new PromotionFailure(
                    FailureReason.PUSH_REFUSED,
                    "cannot list the branches of " + repoUrl + " to find the target branch: " + unreadable.getMessage(),
                    unreadable);
        }
        if (revision.isEmpty() || revision.equals(Constants.HEAD)) {
            Ref head = refs.get(Constants.HEAD);
            if (head == null
                    || !head.isSymbolic()
                    || !head.getTarget().getName().startsWith(HEADS)) {
                throw new PromotionFailure(
                        FailureReason.PUSH_REFUSED,
                        repoUrl + " names no default branch (its HEAD is not a branch); promotions need a branch:"
                                + " set spec.source.targetRevision of the Application to one");
            }
            return head.getTarget().getName().substring(HEADS.length());
        }
        String branch = revision.startsWith(HEADS) ? revision.substring(HEADS.length()) : revision;
        if (refs.containsKey(HEADS + branch)) {
            return branch;
        }
        String what = refs.containsKey(Constants.R_TAGS + revision) || revision.startsWith(Constants.R_TAGS)
                ? revision + " is a tag"
                : revision + " is not a branch";
        throw new PromotionFailure(
                FailureReason.PUSH_REFUSED,
                "the target revision " + what + " of " + repoUrl + "; promotions need a branch to commit to or"
                        + " propose against: set spec.source.targetRevision of the Application to a branch, or to"
                        + " HEAD for the default branch");
    }
}
