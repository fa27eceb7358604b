package dev.plumbline.imageupdater.promote;

/** Why a promotion could not go on; the names of the events' {@code PromotionFailureReason}. */
public enum FailureReason {
    REGISTRY_UNREACHABLE,
    REGISTRY_REFUSED,
    NO_IMAGE_REFERENCE,
    PUSH_REFUSED,
    HOST_API_FAILED,
    NO_WRITE_CREDENTIAL
}
