package dev.plumbline.imageupdater.notify;

/** A payload that is not of its provider's shape; the message says what is missing or wrong. */
final class PayloadException extends Exception {

    PayloadException(String message) {
        super(message);
    }
}
