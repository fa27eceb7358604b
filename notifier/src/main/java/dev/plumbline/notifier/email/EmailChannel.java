package dev.plumbline.notifier.email;

import dev.plumbline.events.vocabulary.NotificationChannel;
import dev.plumbline.notifier.aggregate.Notification;
import dev.plumbline.notifier.config.NotifierConfig;
import dev.plumbline.notifier.delivery.Channel;
import dev.plumbline.notifier.delivery.DeliveryFailure;
import dev.plumbline.notifier.delivery.Outgoing;
import dev.plumbline.notifier.template.RenderedMessage;
import dev.plumbline.notifier.webhook.WebhookSignature;
import dev.plumbline.servicekit.ratelimit.TokenBucket;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.regex.Pattern;

/**
 * Email over SMTP with quarkus-mailer ({@code quarkus.mailer.*}: host, port, TLS, credentials, sender): an HTML
 * part and a text part. The destination is the recipient's address.
 */
@ApplicationScoped
public class EmailChannel implements Channel {

    /** Enough to refuse an obvious mistake (a Slack name under email) without judging real addresses. */
    private static final Pattern ADDRESS = Pattern.compile("[^@\\s]+@[^@\\s]+");

    private final Mailer mailer;
    private final NotifierConfig.Email config;

    EmailChannel(Mailer mailer, NotifierConfig config) {
        this.mailer = mailer;
        this.config = config.email();
    }

    @Override
    public NotificationChannel kind() {
        return NotificationChannel.EMAIL;
    }

    @Override
    public boolean knows(String destination) {
        return ADDRESS.matcher(destination).matches();
    }

    @Override
    public TokenBucket rateLimit(String destination) {
        return new TokenBucket(config.ratePerSecond(), config.burst());
    }

    @Override
    public Outgoing prepare(String destination, String deliveryId, Notification notification, RenderedMessage message) {
        return new Outgoing(deliveryId, config.subjectPrefix() + message.title(), message.text(), message.html());
    }

    @Override
    public void send(String destination, Outgoing outgoing) throws DeliveryFailure {
        Mail mail = Mail.withHtml(destination, outgoing.title(), outgoing.body())
                .setText(outgoing.text())
                .addHeader(WebhookSignature.DELIVERY_HEADER, outgoing.id());
        try {
            mailer.send(mail);
        } catch (RuntimeException e) {
            // an SMTP server that is down, slow or refusing now may take the mail later
            throw DeliveryFailure.transientFailure("email to " + destination + " failed ("
                    + e.getClass().getSimpleName()
                    + (e.getCause() == null
                            ? ""
                            : ": " + e.getCause().getClass().getSimpleName()) + ")");
        }
    }
}
