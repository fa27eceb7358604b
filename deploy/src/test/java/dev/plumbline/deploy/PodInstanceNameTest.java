package dev.plumbline.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Each pod names itself: PLUMBLINE_INSTANCE is the pod's name, so its Kafka client ids and Kubernetes requests say
 * which replica they come from, and {@code plumb app get} can name the pod holding an app.
 */
class PodInstanceNameTest {

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void everyServiceIsNamedAfterItsPod(Overlay overlay) {
        for (PlumblineService service : PlumblineService.values()) {
            Container container = OverlaysTest.only(
                    OverlaysTest.deployment(overlay, service)
                            .getSpec()
                            .getTemplate()
                            .getSpec()
                            .getContainers(),
                    service);

            assertThat(container.getEnv())
                    .as("%s in %s", service, overlay)
                    .filteredOn(env -> env.getName().equals("PLUMBLINE_INSTANCE"))
                    .singleElement()
                    .satisfies(instance -> {
                        assertThat(instance.getValue()).isNull();
                        assertThat(instance.getValueFrom().getFieldRef().getFieldPath())
                                .isEqualTo("metadata.name");
                    });
        }
    }
}
