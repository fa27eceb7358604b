package dev.plumbline.events.vocabulary;

/** What checking a commit's signature found. */
public enum SignatureVerdict implements Term {
    /** The commit carries no signature. */
    UNSIGNED,
    /** The signature verifies with the key it names. */
    GOOD,
    /** The signature does not verify: the commit or the signature was altered, or the key does not match. */
    BAD,
    /** An OpenPGP signature by a key no watching project lists, so it could not be checked. */
    UNKNOWN_KEY
}
