package dev.plumbline.renderer.render.helm;

/** Where {@code helm template} runs: the renderer's pool of Helm worker processes. */
public interface HelmTemplating extends AutoCloseable {

    /**
     * Templates a chart. Blocks until done; an interrupt stops the call at once.
     *
     * @return what {@code helm template} printed
     * @throws HelmError        when Helm refused the chart
     * @throws HelmWorkerDied   when the process templating it ended (killed, out of memory, crashed)
     */
    String template(TemplateJob job);

    @Override
    void close();
}
