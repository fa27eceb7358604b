package dev.plumbline.gitwatcher;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plumbline.events.EventSamples;
import dev.plumbline.events.PlumblineService;
import dev.plumbline.events.testing.ServiceContract;
import dev.plumbline.sandbox.kafka.EmbeddedKafkaResource;
import dev.plumbline.servicekit.messaging.ApplicationsListener;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.ConfigValue;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The git-watcher service started by Quarkus against the shared in-process broker, through its real Kafka channels. */
@QuarkusTest
@QuarkusTestResource(EmbeddedKafkaResource.class)
@Tag("slow")
class GitWatcherServiceTest extends ServiceContract {

    GitWatcherServiceTest() {
        super(PlumblineService.GIT_WATCHER);
    }

    @Inject
    ApplicationsListener applications;

    @Test
    void anApplicationPublishedByTheReconcilerIsKnownUntilItsTombstone() {
        assertApplicationsReachTheService(app -> applications.catalog().get(app).isPresent());
    }

    @Test
    void anUnreadableRecordOnTheApplicationsTopicIsSkippedAndDeletesNothing() throws Exception {
        assertUnreadableRecordIsSkipped(
                EventSamples.applicationSpec("unreadable-before"),
                EventSamples.applicationSpec("unreadable-after"),
                spec -> applications.catalog().get(spec.app()).isPresent());
    }

    @Test
    void theServiceKitsSharedDefaultsReachTheServiceAndItsOwnSettingsWin() {
        Config config = ConfigProvider.getConfig();

        ConfigValue timeout = config.getConfigValue("kafka.request.timeout.ms");
        assertThat(timeout.getValue()).isEqualTo("10000");
        assertThat(timeout.getSourceName()).contains("microprofile-config.properties");
        assertThat(config.getValue("mp.messaging.incoming.application-catalog.group.id", String.class))
                .startsWith("plumbline-git-watcher-");
        // below the service's own application.properties, so that any line of it overrides the kit's
        ConfigValue ownSetting = config.getConfigValue("plumbline.service");
        assertThat(ownSetting.getSourceName()).contains("application.properties");
        assertThat(timeout.getSourceOrdinal()).isLessThan(ownSetting.getSourceOrdinal());
    }
}
