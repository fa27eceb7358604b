package dev.plumbline.events.vocabulary;

/** Why a promotion could not be made, in words a metric can count; the event's message says what to do about it. */
public enum PromotionFailureReason implements Term {
    /** The registry did not answer (down, unreachable, timed out); it is tried again with backoff. */
    REGISTRY_UNREACHABLE,
    /** The registry answered with a refusal: unknown repository, bad credentials, no such tag. */
    REGISTRY_REFUSED,
    /** No file under the Application's path refers to the image's repository, so there is nothing to edit. */
    NO_IMAGE_REFERENCE,
    /** The Git host refused the push of the promotion branch or commit. */
    PUSH_REFUSED,
    /** The Git host's API failed to open or update the pull request. */
    HOST_API_FAILED,
    /** No write credential matches the Application's repository. */
    NO_WRITE_CREDENTIAL
}
