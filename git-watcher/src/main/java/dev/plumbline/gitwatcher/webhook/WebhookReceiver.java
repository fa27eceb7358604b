package dev.plumbline.gitwatcher.webhook;

import dev.plumbline.events.git.FetchCause;
import dev.plumbline.gitwatcher.webhook.WebhookOutcome.Outcome;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Handles one delivery: verify, read, drop redeliveries, match the repository against the watched set, and ask for
 * a fetch, which happens after the answer. A payload only ever names what to fetch; what is deployed is what the fetch
 * finds.
 */
public final class WebhookReceiver {

    /** The watched repositories, as the receiver sees them. */
    public interface Repositories {
        /** The key of the watched repository this URL names, however spelled. */
        Optional<String> watchedKey(String anyUrl);

        /** Asks for a fetch of a watched repository; returns at once. */
        void nudge(String repoKey, FetchCause cause);
    }

    private static final int RECENT = 100;

    private final WebhookSecrets secrets;
    private final DeliveryLog log;
    private final Repositories repositories;
    private final Clock clock;
    private final Deque<WebhookOutcome> recent = new ArrayDeque<>();

    public WebhookReceiver(WebhookSecrets secrets, DeliveryLog log, Repositories repositories, Clock clock) {
        this.secrets = secrets;
        this.log = log;
        this.repositories = repositories;
        this.clock = clock;
    }

    public WebhookOutcome handle(WebhookRequest request) {
        Delivery delivery = Delivery.of(request);
        Optional<String> refusal = Verification.refusal(request, delivery, secrets);
        if (refusal.isPresent()) {
            return record(delivery, 401, Outcome.UNAUTHORIZED, refusal.get(), List.of());
        }
        PushNotice notice;
        try {
            notice = PayloadParser.parse(delivery, request.body());
        } catch (MalformedPayloadException e) {
            return record(delivery, 400, Outcome.MALFORMED, e.getMessage(), List.of());
        }
        if (notice.kind() == PushNotice.Kind.PING) {
            return record(
                    delivery,
                    200,
                    Outcome.PING,
                    "pong: the hook reaches Plumbline and its signature verifies",
                    List.of());
        }
        if (notice.kind() == PushNotice.Kind.OTHER) {
            return record(delivery, 200, Outcome.NOT_A_PUSH, "event " + delivery.event() + " moves no ref", List.of());
        }
        if (!log.firstTime(delivery, Signatures.sha256Hex(request.body()))) {
            return record(
                    delivery,
                    202,
                    Outcome.DUPLICATE,
                    "delivery " + delivery.deliveryId() + " was already received",
                    List.of());
        }
        Set<String> keys = new LinkedHashSet<>();
        notice.repositoryUrls().forEach(url -> repositories.watchedKey(url).ifPresent(keys::add));
        if (keys.isEmpty()) {
            return record(
                    delivery,
                    202,
                    Outcome.UNWATCHED,
                    "no Application watches " + String.join(" or ", notice.repositoryUrls()),
                    notice.repositoryUrls());
        }
        FetchCause cause = FetchCause.webhook(delivery.provider(), delivery.deliveryId());
        keys.forEach(key -> repositories.nudge(key, cause));
        return record(
                delivery,
                202,
                Outcome.ACCEPTED,
                "fetch scheduled"
                        + (notice.refs().isEmpty() ? "" : " for a push to " + String.join(", ", notice.refs())),
                notice.repositoryUrls());
    }

    /** Records a body refused for its size, before it was read. */
    public WebhookOutcome tooLarge(Endpoint endpoint, long limitBytes) {
        return record(
                new Delivery(endpoint.defaultProvider(), null, null),
                413,
                Outcome.TOO_LARGE,
                "the body is larger than " + limitBytes + " bytes",
                List.of());
    }

    /** The latest deliveries, newest first. */
    public synchronized List<WebhookOutcome> recent() {
        return new ArrayList<>(recent);
    }

    private synchronized WebhookOutcome record(
            Delivery delivery, int status, Outcome outcome, String message, List<String> urls) {
        WebhookOutcome result = new WebhookOutcome(
                clock.instant(), status, outcome, delivery.provider(), delivery.deliveryId(), message, urls);
        recent.addFirst(result);
        if (recent.size() > RECENT) {
            recent.removeLast();
        }
        return result;
    }
}
