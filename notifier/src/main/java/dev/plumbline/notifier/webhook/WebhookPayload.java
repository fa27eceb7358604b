package dev.plumbline.notifier.webhook;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.plumbline.notifier.aggregate.Notification;
import dev.plumbline.notifier.occasion.ObjectLine;
import dev.plumbline.notifier.template.RenderedMessage;

/**
 * The JSON body of a generic webhook: the notification's facts for machines, every object listed, and the
 * templated title and text for people. Documented field by field in {@code docs/notifier.md}.
 */
public final class WebhookPayload {

    private static final ObjectMapper JSON = new ObjectMapper();

    private WebhookPayload() {}

    public static String body(String deliveryId, Notification notification, RenderedMessage message) {
        ObjectNode body = JSON.createObjectNode();
        body.put("id", deliveryId);
        body.put("trigger", notification.occasion().label());
        body.put("app", notification.app());
        body.put("revision", notification.revision());
        body.put("title", message.title());
        body.put("text", message.text());
        body.put("outcome", notification.outcome());
        if (notification.commit() != null) {
            body.putObject("commit")
                    .put("sha", notification.commit().sha())
                    .put("author", notification.commit().author())
                    .put("summary", notification.commit().summary());
        }
        ArrayNode changedBy = body.putArray("changedBy");
        notification.changedBy().forEach(changedBy::add);
        body.put("objectCount", notification.objects().size());
        body.put("toldBefore", notification.toldBefore());
        ArrayNode objects = body.putArray("objects");
        for (ObjectLine line : notification.objects()) {
            ObjectNode object = objects.addObject();
            object.put("apiVersion", line.object().apiVersion())
                    .put("kind", line.object().kind())
                    .put("namespace", line.object().namespace())
                    .put("name", line.object().name())
                    .put("status", line.status());
            ArrayNode details = object.putArray("details");
            line.details().forEach(details::add);
        }
        ObjectNode facts = body.putObject("facts");
        notification.facts().forEach(facts::put);
        body.put("occurrences", notification.occurrences());
        body.put(
                "firstSeen",
                notification.firstSeen() == null
                        ? null
                        : notification.firstSeen().toString());
        body.put("correlationId", notification.correlationId());
        ArrayNode sources = body.putArray("sourceEventIds");
        notification.sourceEventIds().stream().distinct().forEach(sources::add);
        return body.toString();
    }
}
