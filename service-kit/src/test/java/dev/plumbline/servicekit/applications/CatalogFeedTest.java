package dev.plumbline.servicekit.applications;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plumbline.events.ApplicationSpec;
import dev.plumbline.events.EventSamples;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class CatalogFeedTest {

    private final List<String> told = new ArrayList<>();
    private final CatalogFeed feed =
            new CatalogFeed((app, spec, catalog) -> told.add(app + (spec.isPresent() ? " changed" : " deleted") + ", "
                    + catalog.all().size() + " known"));

    @Test
    void aSpecIsKeptAndTheServiceTold() {
        feed.accept(0, 0, "web", EventSamples.applicationSpec("web"));

        assertThat(feed.catalog().get("web")).isPresent();
        assertThat(told).containsExactly("web changed, 1 known");
    }

    @Test
    void aTombstoneDeletesTheApp() {
        feed.accept(0, 0, "web", EventSamples.applicationSpec("web"));
        feed.accept(0, 1, "web", null);

        assertThat(feed.catalog().get("web")).isEmpty();
        assertThat(told).containsExactly("web changed, 1 known", "web deleted, 0 known");
    }

    @Test
    void aRefusedRecordIsSkippedAndTheRecordsAfterItStillRead() {
        feed.accept(0, 0, "web", EventSamples.applicationSpec("web"));
        feed.accept(0, 1, "web", EventSamples.applicationSpec("shop"));
        feed.accept(0, 2, "web", EventSamples.commitDetected());
        feed.accept(0, 3, null, EventSamples.applicationSpec("api"));
        feed.accept(0, 4, "api", EventSamples.applicationSpec("api"));

        assertThat(feed.catalog().all()).extracting(ApplicationSpec::app).containsExactly("api", "web");
        assertThat(feed.catalog().get("web").map(ApplicationSpec::app)).contains("web");
        assertThat(told).containsExactly("web changed, 1 known", "api changed, 2 known");
    }

    @Test
    void aServiceFailingOnOneAppDoesNotHoldUpTheNext() {
        List<String> handled = new ArrayList<>();
        CatalogFeed failingOnWeb = new CatalogFeed((app, spec, catalog) -> {
            if (app.equals("web")) {
                throw new IllegalStateException("cannot watch web");
            }
            handled.add(app);
        });

        failingOnWeb.accept(0, 0, "web", EventSamples.applicationSpec("web"));
        failingOnWeb.accept(0, 1, "api", EventSamples.applicationSpec("api"));

        assertThat(handled).containsExactly("api");
        assertThat(failingOnWeb.catalog().get("web")).isPresent();
    }

    @Test
    void skippedRecordsCountAsReadSoStartUpDoesNotWaitForThem() {
        feed.accept(0, 0, "web", EventSamples.applicationSpec("web"));
        feed.accept(0, 1, "web", EventSamples.commitDetected());
        feed.accept(1, 0, "api", EventSamples.applicationSpec("api"));

        assertThat(feed.reached(Map.of(0, 2L, 1, 1L))).isTrue();
        assertThat(feed.reached(Map.of(0, 3L, 1, 1L))).isFalse();
        assertThat(feed.reached(Map.of(2, 0L))).isTrue();
        assertThat(feed.reached(Map.of(2, 1L))).isFalse();
    }
}
