package dev.plumbline.renderer.render.helm;

/** Helm refused the chart: its own message, for {@link TemplateErrors}. */
public final class HelmError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public HelmError(String message) {
        super(message);
    }
}
