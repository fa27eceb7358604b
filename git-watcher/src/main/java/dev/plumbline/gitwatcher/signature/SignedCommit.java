package dev.plumbline.gitwatcher.signature;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.util.RawParseUtils;

/**
 * A signed commit split as Git signs it: the signature from its {@code gpgsig} header, and the commit object without
 * that header, which is what the signer signed.
 */
record SignedCommit(byte[] signature, byte[] payload) {

    private static final byte[] GPGSIG = "gpgsig".getBytes(StandardCharsets.US_ASCII);

    /** Empty when the commit carries no signature. */
    static Optional<SignedCommit> of(RevCommit commit) {
        byte[] signature = commit.getRawGpgSignature();
        byte[] raw = commit.getRawBuffer();
        int value = signature == null ? -1 : RawParseUtils.headerStart(GPGSIG, raw, 0);
        if (value < 0) {
            return Optional.empty();
        }
        int headerStart = value - GPGSIG.length - 1;
        // the header's value continues on lines that start with a space; its end is the LF after the last one
        int headerEnd = Math.min(raw.length, RawParseUtils.nextLfSkippingSplitLines(raw, value) + 1);
        byte[] payload = new byte[raw.length - (headerEnd - headerStart)];
        System.arraycopy(raw, 0, payload, 0, headerStart);
        System.arraycopy(raw, headerEnd, payload, headerStart, raw.length - headerEnd);
        return Optional.of(new SignedCommit(signature, payload));
    }
}
