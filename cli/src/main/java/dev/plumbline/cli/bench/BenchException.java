package dev.plumbline.cli.bench;

/** A measurement that could not be made; says which and why. */
public final class BenchException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public BenchException(String message) {
        super(message);
    }
}
