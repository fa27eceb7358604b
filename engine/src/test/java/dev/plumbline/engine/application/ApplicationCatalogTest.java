package dev.plumbline.engine.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plumbline.events.ApplicationSpec;
import dev.plumbline.events.EventSamples;
import org.junit.jupiter.api.Test;

class ApplicationCatalogTest {

    private final ApplicationCatalog catalog = new ApplicationCatalog();
    private final ApplicationSpec web = EventSamples.applicationSpec();

    @Test
    void aPublishedSpecIsKnownUnderItsApp() {
        catalog.accept(web.app(), web);

        assertThat(catalog.get(web.app())).contains(web);
        assertThat(catalog.all()).containsExactly(web);
    }

    @Test
    void aTombstoneForgetsTheApp() {
        catalog.accept(web.app(), web);

        catalog.accept(web.app(), null);

        assertThat(catalog.get(web.app())).isEmpty();
        assertThat(catalog.all()).isEmpty();
    }

    @Test
    void aLaterSpecReplacesTheEarlierOne() {
        ApplicationSpec paused = EventSamples.applicationSpec();
        catalog.accept(web.app(), web);

        catalog.accept(web.app(), paused);

        assertThat(catalog.get(web.app())).containsSame(paused);
    }

    @Test
    void anEventOfAnotherKindIsRefusedWithItsTypeNamed() {
        assertThatThrownBy(() -> catalog.accept("web", EventSamples.driftRecovered()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("plumbline.applications carries Application specs")
                .hasMessageContaining("DRIFT_RECOVERED");
    }

    @Test
    void aSpecUnderAnotherAppsKeyIsRefused() {
        assertThatThrownBy(() -> catalog.accept("not-" + web.app(), web))
                .hasMessageContaining("arrived under key not-" + web.app());
    }
}
