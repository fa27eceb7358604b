package dev.plumbline.imageupdater.registry;

/**
 * A registry could not answer, or answered something unusable. The message names the registry, the repository and
 * what to do; {@link #retryable()} tells a passing failure (unreachable, timeout, 5xx) from one that needs a person
 * (refused credentials, unknown repository or tag, a malformed or oversized answer).
 */
public final class RegistryException extends RuntimeException {

    private final boolean retryable;

    public RegistryException(String message, boolean retryable) {
        super(message);
        this.retryable = retryable;
    }

    public RegistryException(String message, boolean retryable, Throwable cause) {
        super(message, cause);
        this.retryable = retryable;
    }

    public boolean retryable() {
        return retryable;
    }
}
