package dev.plumbline.notifier.slack;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.plumbline.notifier.template.MessageView;
import dev.plumbline.notifier.template.RenderedMessage;

/**
 * A Slack incoming-webhook body: Block Kit blocks (a header, the app, revision and commit, who changed it, the
 * templated story, and what Plumbline did or will do) and a plain-text {@code text}, which Slack shows in
 * notifications and wherever blocks cannot be shown.
 */
public final class SlackMessage {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Slack's limits: 150 characters in a header, 3000 in a section, 40000 in the text. */
    private static final int HEADER_LIMIT = 150;

    private static final int SECTION_LIMIT = 3000;
    private static final int TEXT_LIMIT = 40_000;

    private SlackMessage() {}

    public static String body(RenderedMessage message) {
        MessageView view = message.view();
        ObjectNode body = JSON.createObjectNode();
        body.put("text", cut(message.text(), TEXT_LIMIT));
        ArrayNode blocks = body.putArray("blocks");
        ObjectNode header = blocks.addObject().put("type", "header");
        header.putObject("text").put("type", "plain_text").put("text", cut(message.title(), HEADER_LIMIT));

        ArrayNode fields = blocks.addObject().put("type", "section").putArray("fields");
        field(fields, "App", escape(view.app()));
        field(fields, "Occasion", view.trigger());
        if (!view.revision().isEmpty()) {
            String summary = view.commitSummary().isEmpty() ? "" : " " + escape(view.commitSummary());
            field(fields, "Revision", "`" + view.shortRevision() + "`" + summary);
        }
        if (!view.commitAuthor().isEmpty()) {
            field(fields, "Commit by", escape(view.commitAuthor()));
        }
        if (!view.changedBy().isEmpty()) {
            field(fields, "Changed by", escape(view.changedBy()));
        }

        ObjectNode story = blocks.addObject().put("type", "section");
        story.putObject("text").put("type", "mrkdwn").put("text", cut(message.markdown(), SECTION_LIMIT));

        ObjectNode context = blocks.addObject().put("type", "context");
        context.putArray("elements")
                .addObject()
                .put("type", "mrkdwn")
                .put("text", cut("*Plumbline:* " + escape(view.outcome()), SECTION_LIMIT));
        return body.toString();
    }

    private static void field(ArrayNode fields, String label, String value) {
        fields.addObject().put("type", "mrkdwn").put("text", "*" + label + "*\n" + value);
    }

    /** Slack reads {@code & < >} as markup; everything else is shown as written. */
    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String cut(String text, int limit) {
        return text.length() <= limit ? text : text.substring(0, limit - 1) + "…";
    }
}
