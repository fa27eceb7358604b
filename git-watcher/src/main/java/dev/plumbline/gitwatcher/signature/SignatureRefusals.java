package dev.plumbline.gitwatcher.signature;

import dev.plumbline.events.git.CommitInfo;
import dev.plumbline.events.git.CommitSignature;
import dev.plumbline.events.git.GitSignature;
import dev.plumbline.events.vocabulary.SignatureFormat;
import dev.plumbline.events.vocabulary.SignatureVerdict;
import java.util.Optional;

/** Why a project that requires signed commits refuses one, in words that name the commit, its author and the key. */
final class SignatureRefusals {

    private SignatureRefusals() {}

    /**
     * @param commit      the commit, with its checked signature
     * @param project     the project's name
     * @param projectKeys the project's readable keys
     * @return the reason to refuse it; empty when one of the project's keys made a signature that verifies
     */
    static Optional<String> reason(CommitInfo commit, String project, ListedKeys projectKeys) {
        CommitSignature signature = commit.commitSignature();
        String subject = "commit " + shortSha(commit.sha()) + " by " + person(commit.author());
        String required = "project \"" + project + "\" requires commits signed with " + keys(projectKeys);
        if (signature == null || signature.verdict() == SignatureVerdict.UNSIGNED) {
            return Optional.of(subject + " is not signed; " + required);
        }
        if (signature.format() == SignatureFormat.X509) {
            return Optional.of(subject + " is signed with an X.509 certificate, which is not checked; " + required
                    + " (SSH or OpenPGP)");
        }
        if (signature.verdict() == SignatureVerdict.BAD) {
            return Optional.of(subject + " has a signature" + by(signature) + " that does not verify: the commit"
                    + " was changed after it was signed, or the signature is damaged; " + required);
        }
        if (signature.verdict() == SignatureVerdict.GOOD && projectKeys.lists(signature.key())) {
            return Optional.empty();
        }
        return Optional.of(subject + " is signed with " + signature.describe() + ", which project \"" + project
                + "\" does not list; sign it with a listed key, or an administrator adds the key to the Project's"
                + " signatureKeys");
    }

    private static String by(CommitSignature signature) {
        return signature.key() == null ? "" : " by " + signature.describe();
    }

    private static String keys(ListedKeys projectKeys) {
        return switch (projectKeys.size()) {
            case 0 -> "a key in its signatureKeys, none of which can be read (the git-watcher's log says why)";
            case 1 -> "its key";
            default -> "one of its " + projectKeys.size() + " keys";
        };
    }

    private static String person(GitSignature person) {
        if (person == null) {
            return "an unknown author";
        }
        return person.name() + " <" + person.email() + ">";
    }

    private static String shortSha(String sha) {
        return sha.length() > 7 ? sha.substring(0, 7) : sha;
    }
}
