package dev.plumbline.reconciler.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plumbline.events.ApplicationSpec;
import dev.plumbline.events.application.ImagePolicy;
import dev.plumbline.events.vocabulary.DriftMode;
import dev.plumbline.events.vocabulary.PromotionMode;
import dev.plumbline.events.vocabulary.TagOrder;
import dev.plumbline.reconciler.testing.Renders;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
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
        resource.getMetadata()
                .setAnnotations(Map.of(
                        OperationalAnnotations.PAUSED_BY,
                        "alice",
                        OperationalAnnotations.PAUSED_UNTIL,
                        "2030-01-01T18:00:00Z",
                        OperationalAnnotations.PAUSE_REASON,
                        "incident 42",
                        OperationalAnnotations.SYNC_REQUESTED_AT,
                        "2030-01-01T12:00:00Z",
                        OperationalAnnotations.SYNC_REQUESTED_BY,
                        "bob"));

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
    void aRepoUrlThatIsAFileUrlOrALocalPathIsRefusedNamingTheSchemesAllowed() {
        for (String local : List.of("file:///var/lib/plumbline/git-watcher/repos/0123456789abcdef", "/srv/git/x")) {
            Application resource = Renders.application("shop", "shop", null);
            resource.getSpec().source.repoURL = local;
            assertThatThrownBy(() -> ApplicationMapper.toSpec(resource))
                    .isInstanceOf(InvalidApplicationException.class)
                    .hasMessageStartingWith("spec.source.repoURL must be https://, http:// (unencrypted) or ssh://");
        }
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
    void anApplicationNamesItsProjectAndDefaultsToTheDefaultOne() {
        Application unnamed = Renders.application("shop", "shop", null);
        Application named = Renders.application("shop", "shop", null);
        named.getSpec().project = "team-a";

        ApplicationSpec defaulted = ApplicationMapper.toSpec(unnamed);
        ApplicationSpec teamA = ApplicationMapper.toSpec(named);

        assertThat(defaulted.projectPolicy().name()).isEqualTo("default");
        assertThat(teamA.projectPolicy().name()).isEqualTo("team-a");
        assertThat(teamA.projectPolicy().found())
                .as("until the watcher puts the Project as read in its place, it allows nothing")
                .isFalse();
    }

    @Test
    void aProjectNameThatCannotNameAProjectIsRefusedNamingTheField() {
        Application resource = Renders.application("shop", "shop", null);
        resource.getSpec().project = "Team A";

        assertThatThrownBy(() -> ApplicationMapper.toSpec(resource))
                .isInstanceOf(InvalidApplicationException.class)
                .hasMessageContaining("spec.project must be the name of a Project")
                .hasMessageContaining("\"Team A\"");
    }

    @Test
    void syncOptionsAreReadAndAnUnknownOneIsRefusedByName() {
        Application resource = Renders.application("shop", "shop", null);
        resource.getSpec().syncPolicy.syncOptions = java.util.List.of("CreateNamespace=true");
        assertThat(ApplicationMapper.toSpec(resource).syncPolicy().options().createNamespace())
                .isTrue();

        resource.getSpec().syncPolicy.syncOptions = java.util.List.of("CreateNamespce=true");
        assertThatThrownBy(() -> ApplicationMapper.toSpec(resource))
                .isInstanceOf(InvalidApplicationException.class)
                .hasMessageContaining("spec.syncPolicy.syncOptions: unknown option \"CreateNamespce=true\"");
    }

    @Test
    void theHelmKubeVersionAndApiVersionsOfTheApplicationReachItsSpec() {
        Application resource = Renders.application("shop", "shop", null);
        resource.getSpec().source.helm = new ApplicationSpecModel.Helm();
        resource.getSpec().source.helm.kubeVersion = "v1.29.3-eks-adc7111";
        resource.getSpec().source.helm.apiVersions = List.of("monitoring.coreos.com/v1", "v1/Pod", "policy/v1");

        ApplicationSpec spec = ApplicationMapper.toSpec(resource);

        assertThat(spec.sourceSpec().helm().kubeVersion()).isEqualTo("v1.29.3-eks-adc7111");
        assertThat(spec.sourceSpec().helm().apiVersions())
                .containsExactly("monitoring.coreos.com/v1", "v1/Pod", "policy/v1");
    }

    @Test
    void aHelmKubeVersionOrApiVersionThatIsNotOneIsRefusedNamingTheField() {
        Application badVersion = Renders.application("shop", "shop", null);
        badVersion.getSpec().source.helm = new ApplicationSpecModel.Helm();
        badVersion.getSpec().source.helm.kubeVersion = "latest";
        assertThatThrownBy(() -> ApplicationMapper.toSpec(badVersion))
                .isInstanceOf(InvalidApplicationException.class)
                .hasMessage("spec.source.helm.kubeVersion must be a Kubernetes version such as v1.29.0, "
                        + "got \"latest\"");

        Application badApi = Renders.application("shop", "shop", null);
        badApi.getSpec().source.helm = new ApplicationSpecModel.Helm();
        badApi.getSpec().source.helm.apiVersions = List.of("apps/v1", "monitoring coreos");
        assertThatThrownBy(() -> ApplicationMapper.toSpec(badApi))
                .isInstanceOf(InvalidApplicationException.class)
                .hasMessage("spec.source.helm.apiVersions[1] must be an API version such as apps/v1 or "
                        + "apps/v1/Deployment, got \"monitoring coreos\"");
    }

    @Test
    void theImagesOfTheApplicationReachItsSpecAndNoneIsAnEmptyList() {
        Application resource = Renders.application("shop", "shop", null);
        resource.getSpec().images = List.of(image("127.0.0.1:5000/shop/web", "~1.2"), new ApplicationSpecModel.Image());
        ApplicationSpecModel.Image worker = resource.getSpec().images.get(1);
        worker.repository = "127.0.0.1:5000/shop/worker";
        worker.pattern = "^main-(?<build>[0-9]+)$";
        worker.extract = "${build}";
        worker.order = "numerical";
        worker.promotion = "direct";

        ApplicationSpec spec = ApplicationMapper.toSpec(resource);

        assertThat(spec.images())
                .containsExactly(
                        ImagePolicy.semver("127.0.0.1:5000/shop/web", "~1.2"),
                        new ImagePolicy(
                                "127.0.0.1:5000/shop/worker",
                                null,
                                "^main-(?<build>[0-9]+)$",
                                "${build}",
                                TagOrder.NUMERICAL,
                                false,
                                PromotionMode.DIRECT));
        assertThat(ApplicationMapper.toSpec(Renders.application("shop", "shop", null))
                        .images())
                .isEmpty();
    }

    @Test
    void anImagePolicyThatCannotChooseATagIsRefusedNamingItsPlaceAndTheProblem() {
        Application badRange = Renders.application("shop", "shop", null);
        badRange.getSpec().images = List.of(image("127.0.0.1:5000/shop/web", "~1.2"), image("shop/api", "newest"));
        assertThatThrownBy(() -> ApplicationMapper.toSpec(badRange))
                .isInstanceOf(InvalidApplicationException.class)
                .hasMessageStartingWith("spec.images[1]: image shop/api: semver range \"newest\" is not a range");

        Application twoWays = Renders.application("shop", "shop", null);
        twoWays.getSpec().images = List.of(image("shop/web", "~1.2"));
        twoWays.getSpec().images.get(0).latestPushed = true;
        assertThatThrownBy(() -> ApplicationMapper.toSpec(twoWays))
                .isInstanceOf(InvalidApplicationException.class)
                .hasMessageContaining(
                        "spec.images[0]: image shop/web: choose exactly one of semver, pattern or" + " latestPushed");

        Application badPromotion = Renders.application("shop", "shop", null);
        badPromotion.getSpec().images = List.of(image("shop/web", "~1.2"));
        badPromotion.getSpec().images.get(0).promotion = "merge";
        assertThatThrownBy(() -> ApplicationMapper.toSpec(badPromotion))
                .isInstanceOf(InvalidApplicationException.class)
                .hasMessage("spec.images[0].promotion must be one of [pull-request, direct], got \"merge\"");
    }

    private static ApplicationSpecModel.Image image(String repository, String semver) {
        ApplicationSpecModel.Image image = new ApplicationSpecModel.Image();
        image.repository = repository;
        image.semver = semver;
        return image;
    }
}
