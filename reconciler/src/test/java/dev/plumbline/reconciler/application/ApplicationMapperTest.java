package dev.plumbline.reconciler.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plumbline.events.ApplicationSpec;
import dev.plumbline.events.vocabulary.DriftMode;
import dev.plumbline.reconciler.testing.Renders;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ApplicationMapperTest {

    @Test
    void anAutomatedApplicationWithRetryAndPauseAnnotationsBecomesItsSpec() {
        Application resource = Renders.application("shop", "shop", Renders.automated(true));
        resource.getSpec().syncPolicy.retry = new ApplicationSpecModel.RetryPolicy();
        resource.getSpec().syncPolicy.retry.limit = 3;
        resource.getSpec().syncPolicy.retry.backoff = new ApplicationSpecModel.Backoff();
        resource.getSpec().syncPolicy.retry.backoff.duration = "10s";
        resource.getMetadata().setAnnotations(Map.of(OperationalAnnotations.PAUSED_BY, "alice",
                OperationalAnnotations.PAUSED_UNTIL, "2030-01-01T18:00:00Z",
                OperationalAnnotations.PAUSE_REASON, "incident 42",
                OperationalAnnotations.SYNC_REQUESTED_AT, "2030-01-01T12:00:00Z",
                OperationalAnnotations.SYNC_REQUESTED_BY, "bob"));

        ApplicationSpec spec = ApplicationMapper.toSpec(resource);

        assertThat(spec.syncPolicy().automated().prune()).isTrue();
        assertThat(spec.syncPolicy().retry().limit()).isEqualTo(3);
        assertThat(spec.syncPolicy().retry().backoff()).isEqualTo(Duration.ofSeconds(10));
        assertThat(spec.syncPolicy().retry().maxBackoff()).isEqualTo(Duration.ofMinutes(3));
        assertThat(spec.effectiveDriftMode()).isEqualTo(DriftMode.WARN);
        assertThat(spec.selfHealPause().by()).isEqualTo("alice");
        assertThat(spec.selfHealPause().until()).isEqualTo(Instant.parse("2030-01-01T18:00:00Z"));
        assertThat(spec.requestedSync().token()).isEqualTo("2030-01-01T12:00:00Z");
        assertThat(spec.requestedSync().by()).isEqualTo("bob");
    }

    @Test
    void aManualApplicationIsOneWithoutAutomated() {
        ApplicationSpec spec = ApplicationMapper.toSpec(Renders.application("shop", "shop", null));

        assertThat(spec.syncPolicy().automated()).isNull();
        assertThat(spec.selfHealPause()).isNull();
    }

    @Test
    void badValuesAreRefusedNamingTheField() {
        Application resource = Renders.application("shop", "shop", null);
        resource.getSpec().driftMode = "loud";
        assertThatThrownBy(() -> ApplicationMapper.toSpec(resource))
                .isInstanceOf(InvalidApplicationException.class)
                .hasMessageContaining("spec.driftMode must be one of [off, warn, heal]");

        Application noRepo = Renders.application("shop", "shop", null);
        noRepo.getSpec().source.repoURL = null;
        assertThatThrownBy(() -> ApplicationMapper.toSpec(noRepo)).hasMessage("spec.source.repoURL is required");

        Application badPause = Renders.application("shop", "shop", null);
        badPause.getMetadata().setAnnotations(Map.of(OperationalAnnotations.PAUSED_UNTIL, "tomorrow"));
        assertThatThrownBy(() -> ApplicationMapper.toSpec(badPause))
                .hasMessageContaining("plumbline.dev/self-heal-paused-until must be an RFC 3339 time");
    }

    @Test
    void syncOptionsAreReadAndAnUnknownOneIsRefusedByName() {
        Application resource = Renders.application("shop", "shop", null);
        resource.getSpec().syncPolicy.syncOptions = java.util.List.of("CreateNamespace=true");
        assertThat(ApplicationMapper.toSpec(resource).syncPolicy().options().createNamespace()).isTrue();

        resource.getSpec().syncPolicy.syncOptions = java.util.List.of("CreateNamespce=true");
        assertThatThrownBy(() -> ApplicationMapper.toSpec(resource))
                .isInstanceOf(InvalidApplicationException.class)
                .hasMessageContaining("spec.syncPolicy.syncOptions: unknown option \"CreateNamespce=true\"");
    }
}
