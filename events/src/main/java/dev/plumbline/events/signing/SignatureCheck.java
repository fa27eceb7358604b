package dev.plumbline.events.signing;

/**
 * Whether a signed event can be trusted, and if not, why, in words for a condition or a log line.
 *
 * @param problem null when trusted; else a sentence fragment such as "it is not signed; ..."
 */
public record SignatureCheck(String problem) {

    public static final SignatureCheck TRUSTED = new SignatureCheck(null);

    static SignatureCheck untrusted(String problem) {
        return new SignatureCheck(problem);
    }

    public boolean trusted() {
        return problem == null;
    }
}
