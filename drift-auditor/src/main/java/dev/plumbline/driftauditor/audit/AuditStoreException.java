package dev.plumbline.driftauditor.audit;

/** The audit store cannot be written or read back now (the broker is unreachable, a write timed out): try again. */
public class AuditStoreException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public AuditStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
