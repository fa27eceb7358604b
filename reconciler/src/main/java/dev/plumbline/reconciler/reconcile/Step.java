package dev.plumbline.reconciler.reconcile;

/**
 * One named step of a reconcile. A step that finds nothing more to do calls {@link ReconcileContext#stop}; a step
 * that fails throws, and {@link StepRunner} handles every failure in one place.
 */
public interface Step {

    String name();

    void run(ReconcileContext context) throws Exception;

    static Step of(String name, ThrowingConsumer body) {
        return new Step() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public void run(ReconcileContext context) throws Exception {
                body.accept(context);
            }

            @Override
            public String toString() {
                return name;
            }
        };
    }

    /** A step's body. */
    @FunctionalInterface
    interface ThrowingConsumer {
        void accept(ReconcileContext context) throws Exception;
    }
}
