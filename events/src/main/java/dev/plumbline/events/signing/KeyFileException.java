package dev.plumbline.events.signing;

/** A key file that is missing, unreadable or not an Ed25519 key; the message names the file and what to do. */
public class KeyFileException extends RuntimeException {

    public KeyFileException(String message) {
        super(message);
    }
}
