package dev.plumbline.renderer.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.plumbline.renderer.render.kustomize.KustomizeCommand;

/** The programs some tests need, and a skip that says which is missing rather than a silent pass. */
public final class Tools {

    private Tools() {}

    public static boolean kustomizeInstalled() {
        return new KustomizeCommand(RenderHarness.DEFAULT_KUSTOMIZE, System.getenv("PATH"))
                .command()
                .isPresent();
    }

    public static void assumeKustomize() {
        assumeTrue(
                kustomizeInstalled(),
                "SKIPPED: neither `kustomize` nor `kubectl` is on PATH (" + System.getenv("PATH")
                        + "); this test needs one to build Kustomize overlays");
    }
}
