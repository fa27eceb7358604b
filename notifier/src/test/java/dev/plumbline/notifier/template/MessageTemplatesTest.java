package dev.plumbline.notifier.template;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plumbline.notifier.aggregate.Aggregator;
import dev.plumbline.notifier.aggregate.Notification;
import dev.plumbline.notifier.aggregate.NotificationFixtures;
import dev.plumbline.notifier.occasion.ObjectLine;
import dev.plumbline.notifier.occasion.Occurrence;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class MessageTemplatesTest {

    private final MessageTemplates templates = new MessageTemplates(Optional.empty(), 20);

    @Test
    void aStormIsTitledWithItsCountAndListsTwentyObjectsThenCountsTheRest() {
        RenderedMessage message = templates.render(
                NotificationFixtures.notification("web", IntStream.range(0, 500).toArray()));

        assertThat(message.title()).isEqualTo("500 objects drifted in app web");
        assertThat(message.text())
                .contains("Deployment apps/v1 shop/web-19", "… and 480 more")
                .doesNotContain("shop/web-20:");
        assertThat(message.markdown()).contains("… and 480 more, 500 in all");
        assertThat(message.text())
                .contains("Revision: 9f8e7d6", "Changed by: kubectl-edit", "Plumbline: Plumbline will heal it.");
    }

    @Test
    void eachOccasionHasATitleOfItsOwn() {
        assertThat(templates.render(NotificationFixtures.notification("web", 1)).title())
                .isEqualTo("1 object drifted in app web");
    }

    @Test
    void valuesAreEscapedForHtmlAndForSlack() {
        Occurrence sneaky = NotificationFixtures.drift("web", 1);
        Occurrence withMarkup = new Occurrence(
                sneaky.occasion(),
                sneaky.app(),
                sneaky.revision(),
                "",
                "c",
                Instant.now(),
                List.of(new ObjectLine(
                        NotificationFixtures.deployment(1),
                        "modified",
                        List.of("metadata.annotations.note: <b>x</b> & <!channel>"))),
                List.of(),
                "ok",
                java.util.Map.of(),
                null,
                List.of("e"));
        Aggregator aggregator = new Aggregator(Duration.ZERO, Duration.ZERO);
        aggregator.add(withMarkup, Instant.now());
        Notification notification = aggregator.due(Instant.now()).get(0);

        RenderedMessage message = templates.render(notification);

        assertThat(message.html())
                .contains("&lt;b&gt;x&lt;/b&gt; &amp; &lt;!channel&gt;")
                .doesNotContain("<b>x");
        assertThat(message.markdown()).contains("&lt;!channel&gt;").doesNotContain("<!channel>");
        assertThat(message.text()).contains("<b>x</b> & <!channel>");
    }

    @Test
    void aTemplateInTheOverrideFolderReplacesTheDefaultForItsOccasionOnly(@TempDir Path folder) throws IOException {
        Files.createDirectories(folder.resolve("drift-detected"));
        Files.writeString(folder.resolve("drift-detected").resolve("title.txt"), "Drift! {n.objectCount} in {n.app}");
        MessageTemplates custom = new MessageTemplates(Optional.of(folder), 20);

        RenderedMessage message = custom.render(NotificationFixtures.notification("web", 1, 2));

        assertThat(message.title()).isEqualTo("Drift! 2 in web");
        assertThat(message.text()).startsWith("Drift! 2 in web");
    }
}
