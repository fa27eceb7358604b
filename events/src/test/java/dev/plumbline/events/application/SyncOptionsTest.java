package dev.plumbline.events.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SyncOptionsTest {

    @Test
    void createNamespaceIsReadAsArgoCdWritesIt() {
        assertThat(SyncOptions.parse(List.of("CreateNamespace=true")).createNamespace())
                .isTrue();
        assertThat(SyncOptions.parse(List.of("CreateNamespace=True")).createNamespace())
                .isTrue();
        assertThat(SyncOptions.parse(List.of("CreateNamespace=false")).createNamespace())
                .isFalse();
        assertThat(SyncOptions.parse(null)).isEqualTo(SyncOptions.NONE);
    }

    @Test
    void anUnknownOptionIsRefusedNamingItAndTheKnownOnes() {
        assertThatThrownBy(() ->
                        SyncOptions.parse(List.of("CreateNamespace=true", "CreateNamespce=true", "PruneLast=true")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("spec.syncPolicy.syncOptions: unknown option \"CreateNamespce=true\", \"PruneLast=true\"; "
                        + "the options Plumbline knows are CreateNamespace=true, CreateNamespace=false");
        assertThatThrownBy(() -> SyncOptions.parse(List.of("CreateNamespace=yes")))
                .hasMessageContaining("unknown option \"CreateNamespace=yes\"");
    }

    @Test
    void aPolicyWithoutOptionsHasNone() {
        assertThat(SyncPolicy.manual().options()).isEqualTo(SyncOptions.NONE);
        assertThat(new SyncPolicy(null, false, null, null).options()).isEqualTo(SyncOptions.NONE);
    }
}
