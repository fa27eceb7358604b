package dev.plumbline.gitwatcher.signature;

import dev.plumbline.events.git.CommitInfo;
import dev.plumbline.events.git.CommitRefusal;
import dev.plumbline.events.git.CommitSignature;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.lib.Repository;

/**
 * Judges the commit a ref moved to for the Applications watching it: when any of their projects lists signature
 * keys, checks its signature against the keys of all of them, and refuses it to each Application whose project's
 * own keys did not sign it. Applications whose projects list no keys are not concerned.
 */
public final class CommitJudge {

    /**
     * @param signature the commit's checked signature; null when no watching project requires one
     * @param refusals  the Applications that must not deploy the commit, with the reason
     */
    public record Judgement(CommitSignature signature, List<CommitRefusal> refusals) {

        public static final Judgement NOT_CHECKED = new Judgement(null, List.of());

        public Judgement {
            refusals = List.copyOf(refusals);
        }
    }

    private final ProjectKeys projectKeys = new ProjectKeys();
    private final SignatureChecker checker;

    public CommitJudge(SignatureChecker checker) {
        this.checker = checker;
    }

    public Judgement judge(Repository repository, CommitInfo commit, Collection<SigningRule> watchers)
            throws IOException {
        List<SigningRule> strict =
                watchers.stream().filter(SigningRule::requiresSignedCommits).toList();
        if (strict.isEmpty()) {
            return Judgement.NOT_CHECKED;
        }
        Map<SigningRule, ListedKeys> keysOf = new LinkedHashMap<>();
        strict.forEach(w -> keysOf.put(w, projectKeys.of(w.project(), w.signatureKeys())));
        CommitSignature signature = checker.check(repository, commit.sha(), ListedKeys.union(keysOf.values()));
        CommitInfo checked = commit.withSignature(signature);
        List<CommitRefusal> refusals = new ArrayList<>();
        keysOf.forEach((watcher, keys) -> SignatureRefusals.reason(checked, watcher.project(), keys)
                .ifPresent(reason -> refusals.add(new CommitRefusal(watcher.app(), watcher.project(), reason))));
        return new Judgement(signature, refusals);
    }
}
