package dev.plumbline.servicekit.instance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class InstanceNameTest {

    @Test
    void theVariableNamesTheInstance() {
        assertThat(InstanceName.resolve(
                        Map.of("PLUMBLINE_INSTANCE", "reconciler-2", "HOSTNAME", "laptop"), () -> "random"))
                .isEqualTo("reconciler-2");
    }

    @Test
    void withoutTheVariableTheHostNameDoes() {
        assertThat(InstanceName.resolve(Map.of("HOSTNAME", "reconciler-7f9c-abcde"), () -> "random"))
                .isEqualTo("reconciler-7f9c-abcde");
        assertThat(InstanceName.resolve(Map.of("PLUMBLINE_INSTANCE", "  ", "HOSTNAME", "pod-1"), () -> "random"))
                .isEqualTo("pod-1");
    }

    @Test
    void withNeitherARandomIdDoes() {
        assertThat(InstanceName.resolve(Map.of("HOSTNAME", ""), () -> "instance-1a2b3c4d"))
                .isEqualTo("instance-1a2b3c4d");
    }

    @Test
    void theNameIsStrippedOfSpaces() {
        assertThat(InstanceName.resolve(Map.of("PLUMBLINE_INSTANCE", " notifier-1\n"), () -> "random"))
                .isEqualTo("notifier-1");
    }

    @Test
    void theConfigSourceKeepsOneNameForTheProcess() {
        InstanceConfigSource source = new InstanceConfigSource();
        assertThat(source.getValue("plumbline.instance"))
                .isNotBlank()
                .isEqualTo(source.getValue("plumbline.instance"))
                .isEqualTo(source.getProperties().get("plumbline.instance"));
        assertThat(source.getOrdinal()).isBetween(101, 249);
    }
}
