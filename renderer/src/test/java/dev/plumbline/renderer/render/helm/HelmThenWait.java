package dev.plumbline.renderer.render.helm;

import com.marcnuri.helm.Helm;
import dev.plumbline.renderer.testing.Tarballs;
import java.util.concurrent.CountDownLatch;

/** A JVM that templates a chart as the renderer does, gives the signals back, says so, and waits to be stopped. */
public final class HelmThenWait {

    static final String READY = "templated";

    private HelmThenWait() {}

    public static void main(String[] args) throws InterruptedException {
        new Helm(Tarballs.resource("testdata/repo/helm/web"))
                .template()
                .withName("probe")
                .call();
        TerminationSignals.restore();
        System.out.println(READY);
        System.out.flush();
        new CountDownLatch(1).await();
    }
}
