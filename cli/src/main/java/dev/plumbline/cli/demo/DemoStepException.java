package dev.plumbline.cli.demo;

/** A step of the demo that the live system did not confirm in time, or could not be carried out; says which. */
public final class DemoStepException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public DemoStepException(String message) {
        super(message);
    }
}
