package dev.plumbline.sandbox.git;

import java.io.IOException;
import java.util.List;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.merge.MergeStrategy;
import org.eclipse.jgit.merge.ResolveMerger;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;

/** Merges a pull request's head into its base in the bare repository: a real merge commit, as a host makes it. */
final class PullRequestMerge {

    static final PersonIdent REVIEWER_NAME = new PersonIdent("sandbox reviewer", "reviewer@" + GitServer.HOST);

    private PullRequestMerge() {}

    /** Makes the merge commit and moves the base branch to it; returns the commit's id. */
    static String merge(Repository repository, PullRequestRecord pull, String message) throws IOException, ApiRefusal {
        try (RevWalk walk = new RevWalk(repository);
                ObjectInserter inserter = repository.newObjectInserter()) {
            RevCommit base = walk.parseCommit(branch(repository, pull.base));
            RevCommit head = walk.parseCommit(branch(repository, pull.head));
            if (walk.isMergedInto(head, base)) {
                throw new ApiRefusal(409, "nothing to merge: " + pull.head + " is already part of " + pull.base);
            }
            ResolveMerger merger = (ResolveMerger) MergeStrategy.RECURSIVE.newMerger(repository, true);
            if (!merger.merge(base, head)) {
                List<String> conflicts = merger.getUnmergedPaths();
                throw new ApiRefusal(
                        409,
                        "merge conflict in " + String.join(", ", conflicts) + ": rebuild " + pull.head + " on "
                                + pull.base + " and push it again");
            }
            PersonIdent reviewer = new PersonIdent(REVIEWER_NAME);
            CommitBuilder commit = new CommitBuilder();
            commit.setTreeId(merger.getResultTreeId());
            commit.setParentIds(base, head);
            commit.setAuthor(reviewer);
            commit.setCommitter(reviewer);
            commit.setMessage(message);
            ObjectId id = inserter.insert(commit);
            inserter.flush();

            RefUpdate update = repository.updateRef(Constants.R_HEADS + pull.base);
            update.setExpectedOldObjectId(base);
            update.setNewObjectId(id);
            update.setRefLogIdent(reviewer);
            update.setRefLogMessage("merge pull request #" + pull.number, false);
            RefUpdate.Result result = update.update(walk);
            if (result != RefUpdate.Result.FAST_FORWARD) {
                throw new ApiRefusal(409, pull.base + " moved during the merge (" + result + "); merge again");
            }
            return id.name();
        }
    }

    /** The commit a branch points at; 404 when there is no such branch. */
    static ObjectId branch(Repository repository, String name) throws IOException, ApiRefusal {
        Ref ref = repository.exactRef(Constants.R_HEADS + name);
        if (ref == null || ref.getObjectId() == null) {
            throw new ApiRefusal(404, "the branch " + name + " does not exist");
        }
        return ref.getObjectId();
    }
}
