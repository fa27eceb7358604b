package dev.plumbline.notifier.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.plumbline.notifier.aggregate.NotificationFixtures;
import dev.plumbline.notifier.template.MessageTemplates;
import dev.plumbline.notifier.template.RenderedMessage;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class SlackMessageTest {

    @Test
    void aMessageHasAHeaderTheFactsTheStoryAndWhatPlumblineDoesPlusAPlainTextFallback() throws Exception {
        RenderedMessage message = new MessageTemplates(Optional.empty(), 20)
                .render(NotificationFixtures.notification(
                        "web", IntStream.range(0, 500).toArray()));

        JsonNode body = new ObjectMapper().readTree(SlackMessage.body(message));

        assertThat(body.get("text").asText()).startsWith("500 objects drifted in app web");
        JsonNode blocks = body.get("blocks");
        assertThat(blocks)
                .extracting(block -> block.get("type").asText())
                .containsExactly("header", "section", "section", "context");
        assertThat(blocks.get(0).at("/text/text").asText()).isEqualTo("500 objects drifted in app web");
        assertThat(blocks.get(1).get("fields").toString())
                .contains("*App*\\nweb", "*Revision*\\n`9f8e7d6`", "*Changed by*\\nkubectl-edit");
        assertThat(blocks.get(2).at("/text/text").asText())
                .hasSizeLessThanOrEqualTo(3000)
                .contains("480 more");
        assertThat(blocks.get(3).toString()).contains("will heal");
    }
}
