package dev.plumbline.events.vocabulary;

/** How a commit is signed, as Git's {@code gpg.format} names it. */
public enum SignatureFormat implements Term {
    OPENPGP,
    SSH,
    X509
}
