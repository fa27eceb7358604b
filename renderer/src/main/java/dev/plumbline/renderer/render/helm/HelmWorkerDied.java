package dev.plumbline.renderer.render.helm;

/** The worker process templating a chart ended before it answered; the message says how it ended. */
public final class HelmWorkerDied extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public HelmWorkerDied(String howItEnded) {
        super(howItEnded);
    }
}
