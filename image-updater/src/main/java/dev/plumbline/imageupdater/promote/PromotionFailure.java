package dev.plumbline.imageupdater.promote;

/** A step of a promotion that failed, with the reason it is reported under and a message saying what to do. */
public class PromotionFailure extends RuntimeException {

    private final FailureReason reason;

    public PromotionFailure(FailureReason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public PromotionFailure(FailureReason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public FailureReason reason() {
        return reason;
    }
}
