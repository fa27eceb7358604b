package dev.plumbline.renderer.render.helm;

import dev.plumbline.renderer.testing.RenderHarness;
import dev.plumbline.renderer.testing.Tarballs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * A JVM that templates a chart as the renderer does, through a Helm worker it keeps warm, says so, and waits to be
 * stopped.
 */
public final class TemplateThenWait {

    static final String READY = "templated";

    private TemplateThenWait() {}

    public static void main(String[] args) throws Exception {
        HelmWorkerPool workers =
                new HelmWorkerPool(RenderHarness.DEFAULT_HELM, 1, Files.createTempDirectory("helm-workers"));
        Path chart = Tarballs.resource("testdata/repo/helm/web");
        workers.template(new TemplateJob(chart.toString(), "probe", "default", null, List.of(), List.of()));
        System.out.println(READY);
        System.out.flush();
        new CountDownLatch(1).await();
    }
}
