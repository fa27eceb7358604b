package dev.plumbline.notifier.delivery;

import dev.plumbline.events.vocabulary.NotificationChannel;
import dev.plumbline.notifier.aggregate.Notification;
import dev.plumbline.notifier.template.RenderedMessage;
import dev.plumbline.servicekit.ratelimit.TokenBucket;

/** One way of telling people: Slack, email or webhooks. */
public interface Channel {

    NotificationChannel kind();

    /** Whether {@code destination} can be sent to: a configured name, or for email any address. */
    boolean knows(String destination);

    /** A rate limit of its own for {@code destination}. */
    TokenBucket rateLimit(String destination);

    /** The message for {@code destination}. */
    Outgoing prepare(String destination, String deliveryId, Notification notification, RenderedMessage message);

    /** One attempt; blocks until the destination answered or the attempt failed. */
    void send(String destination, Outgoing outgoing) throws DeliveryFailure;
}
