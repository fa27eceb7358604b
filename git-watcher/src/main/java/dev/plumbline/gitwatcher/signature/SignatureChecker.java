package dev.plumbline.gitwatcher.signature;

import dev.plumbline.events.git.CommitSignature;
import dev.plumbline.events.vocabulary.SignatureFormat;
import dev.plumbline.events.vocabulary.SignatureVerdict;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.jgit.lib.GpgConfig;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.SignatureVerifiers;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;

/**
 * Checks a commit's signature against given keys: GOOD when one of them made it and it verifies, UNKNOWN_KEY when
 * it is sound but by another key (or an X.509 signature, which is not checked), BAD when it does not verify,
 * UNSIGNED when there is none.
 */
public final class SignatureChecker {

    private final SshSignatures ssh;
    private final OpenPgpSignatures openPgp = new OpenPgpSignatures();

    /** @param folder where the allowed-signers files the SSH verifier reads are written */
    public SignatureChecker(Path folder) {
        this.ssh = new SshSignatures(folder);
    }

    public CommitSignature check(Repository repository, String sha, ListedKeys trusted) throws IOException {
        RevCommit commit;
        try (RevWalk walk = new RevWalk(repository)) {
            commit = walk.parseCommit(ObjectId.fromString(sha));
        }
        Optional<SignedCommit> signed = SignedCommit.of(commit);
        if (signed.isEmpty()) {
            return CommitSignature.unsigned();
        }
        GpgConfig.GpgFormat format = SignatureVerifiers.getFormat(signed.get().signature());
        if (format == GpgConfig.GpgFormat.SSH) {
            return ssh.check(repository, signed.get(), trusted);
        }
        if (format == GpgConfig.GpgFormat.OPENPGP) {
            return openPgp.check(signed.get(), trusted);
        }
        if (format == GpgConfig.GpgFormat.X509) {
            return new CommitSignature(SignatureVerdict.UNKNOWN_KEY, SignatureFormat.X509, null, null);
        }
        return new CommitSignature(SignatureVerdict.BAD, null, null, null);
    }
}
