package dev.plumbline.imageupdater.gitwrite;

/** Writing to the config repository failed; the message says what to do and never holds the credential. */
public final class GitWriteException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** What went wrong, for the caller to choose its failure reason. */
    public enum Kind {
        /** The remote refused the credential (401), or it may not push (403). */
        CREDENTIAL_REFUSED,
        /** The remote did not answer, or the transfer broke off. */
        UNREACHABLE,
        /** The branch to start from is not on the remote. */
        NO_SUCH_BRANCH,
        /** The remote refused the push: the branch kept moving, or a rule of the remote refused it. */
        PUSH_REFUSED,
        /** The edit or the local work folder failed. */
        LOCAL
    }

    private final Kind kind;
    private final boolean retryable;

    GitWriteException(Kind kind, boolean retryable, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.retryable = retryable;
    }

    public Kind kind() {
        return kind;
    }

    /** True when the same write may succeed later unchanged. */
    public boolean retryable() {
        return retryable;
    }
}
