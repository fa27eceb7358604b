package dev.plumbline.cli.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plumbline.events.EventSamples;
import dev.plumbline.events.ManifestsRendered;
import dev.plumbline.events.PlumblineService;
import dev.plumbline.events.kafka.EventTestClient;
import dev.plumbline.events.topic.Topics;
import dev.plumbline.sandbox.kafka.SharedEmbeddedKafka;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
@Tag("slow")
class EventLogTest {

    @Test
    void theDemoReadsPastAnEventItCannotReadToTheOneItWaitsFor() {
        String kafka = SharedEmbeddedKafka.bootstrapServers();
        try (EventTestClient client = new EventTestClient(kafka)) {
            client.ensureTopics(PlumblineService.RENDERER.ownedTopics());
            try (EventLog log = new EventLog(Map.of("bootstrap.servers", kafka), List.of(Topics.RENDERED_MANIFESTS))) {
                client.sendUnreadable(
                        Topics.RENDERED_MANIFESTS,
                        0,
                        "demo-web",
                        "{\"type\":\"dev.plumbline.from.the.future\",\"schemaVersion\":1}");
                client.send(EventSamples.manifestsRendered("demo-web"), 0);

                Optional<ManifestsRendered> rendered = log.await(
                        ManifestsRendered.class, render -> render.app().equals("demo-web"), Duration.ofSeconds(60));

                assertThat(rendered).isPresent();
            }
        }
    }
}
