package dev.plumbline.gitwatcher.repo;

import dev.plumbline.events.git.CommitInfo;
import dev.plumbline.events.git.GitSignature;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevSort;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.EmptyTreeIterator;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.TreeFilter;

/** Reads commits and the paths they change from a mirror. */
public final class CommitReader {

    private final Repository repository;

    public CommitReader(Repository repository) {
        this.repository = repository;
    }

    /**
     * The commits reachable from {@code after} and not from {@code before}, oldest first; only {@code after} when
     * there is no before. Of a longer range only the newest {@code limit} are kept, so one event stays small.
     */
    public List<RevCommit> range(String before, String after, int limit) throws IOException {
        try (RevWalk walk = new RevWalk(repository)) {
            RevCommit head = walk.parseCommit(ObjectId.fromString(after));
            if (before == null) {
                return List.of(head);
            }
            walk.sort(RevSort.TOPO);
            walk.markStart(head);
            walk.markUninteresting(walk.parseCommit(ObjectId.fromString(before)));
            Deque<RevCommit> newestFirst = new ArrayDeque<>();
            for (RevCommit commit : walk) {
                if (newestFirst.size() == limit) {
                    break;
                }
                newestFirst.add(commit);
            }
            List<RevCommit> oldestFirst = new ArrayList<>(newestFirst);
            java.util.Collections.reverse(oldestFirst);
            return oldestFirst;
        }
    }

    public static CommitInfo info(RevCommit commit) {
        String message = commit.getFullMessage();
        return new CommitInfo(
                commit.name(),
                signature(commit.getAuthorIdent()),
                signature(commit.getCommitterIdent()),
                message,
                TrailerParser.parse(message));
    }

    /** The paths that differ between two commits' trees, sorted; every path of {@code after} when before is null. */
    public List<String> changedPaths(String before, String after) throws IOException {
        try (RevWalk walk = new RevWalk(repository)) {
            RevCommit to = walk.parseCommit(ObjectId.fromString(after));
            RevCommit from = before == null ? null : walk.parseCommit(ObjectId.fromString(before));
            return diff(from, to);
        }
    }

    /** The paths a commit changed against its first parent (every path of a root commit), sorted. */
    public List<String> ownPaths(RevCommit commit) throws IOException {
        return ownPaths(commit.name());
    }

    public List<String> ownPaths(String sha) throws IOException {
        try (RevWalk walk = new RevWalk(repository)) {
            RevCommit parsed = walk.parseCommit(ObjectId.fromString(sha));
            RevCommit parent = parsed.getParentCount() == 0 ? null : walk.parseCommit(parsed.getParent(0));
            return diff(parent, parsed);
        }
    }

    private List<String> diff(RevCommit from, RevCommit to) throws IOException {
        List<String> paths = new ArrayList<>();
        try (TreeWalk tree = new TreeWalk(repository)) {
            tree.setRecursive(true);
            if (from == null) {
                tree.addTree(new EmptyTreeIterator());
            } else {
                tree.addTree(from.getTree());
            }
            tree.addTree(to.getTree());
            tree.setFilter(TreeFilter.ANY_DIFF);
            while (tree.next()) {
                paths.add(tree.getPathString());
            }
        }
        paths.sort(null);
        return paths;
    }

    private static GitSignature signature(PersonIdent ident) {
        return new GitSignature(ident.getName(), ident.getEmailAddress(), ident.getWhenAsInstant());
    }
}
