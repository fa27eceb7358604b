package dev.plumbline.renderer.render.helm;

/**
 * A Helm worker's answer to one {@link TemplateJob}: the rendered output, or Helm's error message.
 *
 * @param output what {@code helm template} printed; null when it failed
 * @param error  Helm's message; null when it rendered
 */
record WorkerReply(String output, String error) {

    static WorkerReply rendered(String output) {
        return new WorkerReply(output, null);
    }

    static WorkerReply failed(String error) {
        return new WorkerReply(null, error == null ? "helm failed without a message" : error);
    }
}
