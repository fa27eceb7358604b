package dev.plumbline.servicekit.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plumbline.events.EventSamples;
import dev.plumbline.events.ManifestsRendered;
import dev.plumbline.events.PlumblineEvent;
import dev.plumbline.events.testing.TestSigningKeys;
import dev.plumbline.events.topic.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

class DesiredStateFeedTest {

    private final DesiredStateFeed feed = new DesiredStateFeed(TestSigningKeys.trustedKeys("renderer"));
    private final ManifestsRendered rendered = EventSamples.manifestsRendered();

    @Test
    void aRenderChangesItsAppsDesiredState() {
        assertThat(feed.accept(record(rendered.app(), rendered)))
                .contains(new DesiredStateChange(rendered.app(), null));

        assertThat(feed.store().get(rendered.app()))
                .hasValueSatisfying(state -> assertThat(state.rendered()).contains(rendered));
    }

    @Test
    void aTombstoneForgetsTheApp() {
        feed.accept(record(rendered.app(), rendered));

        assertThat(feed.accept(record(rendered.app(), null))).contains(new DesiredStateChange(rendered.app(), null));
        assertThat(feed.store().get(rendered.app())).isEmpty();
    }

    @Test
    void aRenderByAnotherKeyIsReportedAsUntrustedAndTheAppKeepsItsState() {
        feed.accept(record(rendered.app(), rendered));
        ManifestsRendered forged = rendered.signedWith(TestSigningKeys.signingKey("git-watcher"));

        assertThat(feed.accept(record(rendered.app(), forged))).hasValueSatisfying(change -> {
            assertThat(change.trusted()).isFalse();
            assertThat(change.untrusted().problem()).contains("not made by the renderer's key");
        });
        assertThat(feed.store().get(rendered.app()))
                .hasValueSatisfying(state -> assertThat(state.rendered()).contains(rendered));
    }

    @Test
    void aRenderUnderAnotherAppsKeyIsSkippedAndTheAppKeepsItsState() {
        feed.accept(record(rendered.app(), rendered));

        assertThat(feed.accept(record("other-app", rendered))).isEmpty();
        assertThat(feed.store().get("other-app")).isEmpty();
        assertThat(feed.store().get(rendered.app())).isPresent();
    }

    @Test
    void aRecordWithoutKeyIsSkippedInsteadOfFailingTheChannel() {
        assertThat(feed.accept(record(null, rendered))).isEmpty();
        assertThat(feed.accept(record(null, null))).isEmpty();
        assertThat(feed.store().get(rendered.app())).isEmpty();
    }

    private static ConsumerRecord<String, PlumblineEvent> record(String key, PlumblineEvent value) {
        return new ConsumerRecord<>(Topics.RENDERED_MANIFESTS, 0, 7, key, value);
    }
}
