package dev.plumbline.renderer.render.helm;

/**
 * A Helm worker's answer to one {@link TemplateJob}: the rendered output, Helm's error message, or the size of an
 * output too large to send.
 *
 * @param output         what {@code helm template} printed; null when it failed or was too large
 * @param error          Helm's message; null when it rendered
 * @param tooLargeBytes  the UTF-8 size of an output larger than the worker may send; null otherwise
 */
record WorkerReply(String output, String error, Long tooLargeBytes) {

    static WorkerReply rendered(String output) {
        return new WorkerReply(output, null, null);
    }

    static WorkerReply failed(String error) {
        return new WorkerReply(null, error == null ? "helm failed without a message" : error, null);
    }

    static WorkerReply tooLarge(long bytes) {
        return new WorkerReply(null, null, bytes);
    }
}
