package dev.plumbline.sandbox.kube;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One embedded API for a whole test class, started before its {@code @BeforeAll} methods and closed after its
 * {@code @AfterAll} ones, with plain HTTP calls to it: {@code @RegisterExtension static final RunningKubeApi kube = new
 * RunningKubeApi();}.
 */
final class RunningKubeApi implements BeforeAllCallback, AfterAllCallback {

    private EmbeddedKubeApi api;
    private KubeHttp http;

    @Override
    public void beforeAll(ExtensionContext context) {
        api = new EmbeddedKubeApi().start();
        http = new KubeHttp(api);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        api.close();
    }

    EmbeddedKubeApi api() {
        return api;
    }

    KubeHttp http() {
        return http;
    }
}
