package dev.plumbline.driftauditor.drift;

import static dev.plumbline.driftauditor.drift.DriftFixtures.deployment;
import static dev.plumbline.driftauditor.drift.DriftFixtures.live;
import static dev.plumbline.driftauditor.drift.DriftFixtures.renderedFor;
import static dev.plumbline.driftauditor.drift.DriftFixtures.spec;
import static org.assertj.core.api.Assertions.assertThat;

import dev.plumbline.events.ApplicationSpec;
import dev.plumbline.events.DriftDetected;
import dev.plumbline.events.ManifestsRendered;
import dev.plumbline.events.SyncRequested;
import dev.plumbline.events.vocabulary.DriftMode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Only a render of the Application's current source is the desired state drift is measured and healed against. */
class DriftMonitorSourceTest extends DriftMonitorFixture {

    private static final ApplicationSpec AT_PATH_A = spec("web", "apps/web", DriftMode.HEAL, null);
    private static final ApplicationSpec AT_PATH_B = spec("web", "apps/web-b", DriftMode.HEAL, null);

    @BeforeEach
    void anAppRenderedFromPathAWhoseDeploymentIsLiveAsDesired() {
        liveAsDesired(AT_PATH_A, renderedFor(AT_PATH_A, "aaa111", desired));
        assertThat(monitor.desired("web")).isPresent();
    }

    @Test
    void afterThePathChangesTheRenderOfTheOldPathIsNoLongerHealedToward() {
        monitor.specChanged("web", AT_PATH_B);
        change(live(desired, 5, "kubectl-edit", START));

        assertThat(monitor.desired("web")).isEmpty();
        assertThat(published)
                .filteredOn(e -> e instanceof DriftDetected || e instanceof SyncRequested)
                .isEmpty();
    }

    @Test
    void aRenderOfTheOldPathArrivingLateIsNotTakenAndARenderOfTheNewPathIs() {
        monitor.specChanged("web", AT_PATH_B);
        monitor.desiredChanged("web", renderedFor(AT_PATH_A, "bbb222", deployment("web", "web", 7)));
        change(live(desired, 5, "kubectl-edit", START));

        assertThat(monitor.desired("web")).isEmpty();
        assertThat(published).filteredOn(e -> e instanceof SyncRequested).isEmpty();

        ManifestsRendered ofPathB = renderedFor(AT_PATH_B, "ccc333", deployment("web", "web", 3));
        monitor.desiredChanged("web", ofPathB);

        assertThat(monitor.desired("web")).contains(ofPathB);
        assertThat(published).filteredOn(e -> e instanceof SyncRequested).hasSize(1);
    }

    @Test
    void aRenderOfTheNewPathHeldWhileALateRenderOfTheOldPathArrivesStaysTheDesiredState() {
        ManifestsRendered ofPathB = renderedFor(AT_PATH_B, "ccc333", desired);
        monitor.specChanged("web", AT_PATH_B);
        monitor.desiredChanged("web", ofPathB);

        monitor.desiredChanged("web", renderedFor(AT_PATH_A, "bbb222", deployment("web", "web", 7)));

        assertThat(monitor.desired("web")).contains(ofPathB);
    }

    @Test
    void whenThePathChangesBackTheRenderWaitingForItIsTaken() {
        ManifestsRendered lateOfPathA = renderedFor(AT_PATH_A, "bbb222", desired);
        monitor.specChanged("web", AT_PATH_B);
        monitor.desiredChanged("web", lateOfPathA);

        monitor.specChanged("web", AT_PATH_A);

        assertThat(monitor.desired("web")).contains(lateOfPathA);
    }
}
