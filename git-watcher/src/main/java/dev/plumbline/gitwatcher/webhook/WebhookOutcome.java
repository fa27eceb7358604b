package dev.plumbline.gitwatcher.webhook;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.plumbline.events.vocabulary.Term;
import dev.plumbline.events.vocabulary.WebhookProvider;
import java.time.Instant;
import java.util.List;

/**
 * The answer to one delivery, and the record of it in {@code GET /api/webhooks}.
 *
 * @param status       the HTTP status
 * @param outcome      what was done, also the {@code outcome} tag of the webhook metric
 * @param provider     the Git host, when the headers told
 * @param deliveryId   the host's delivery id, when given
 * @param message      what happened, in words
 * @param repositories the watched repositories a fetch was asked for
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WebhookOutcome(
        Instant time,
        @JsonIgnore int status,
        Outcome outcome,
        WebhookProvider provider,
        String deliveryId,
        String message,
        List<String> repositories) {

    /** What a delivery led to. */
    public enum Outcome implements Term {
        /** Verified and for a watched repository: a fetch follows the answer. */
        ACCEPTED,
        /** Already received: acknowledged, nothing more. */
        DUPLICATE,
        /** Verified, but no Application watches the repository it names. */
        UNWATCHED,
        /** A host checking the hook works (GitHub's ping, Bitbucket Server's test). */
        PING,
        /** Verified, but an event that moves no ref (an issue, a pull request comment…). */
        NOT_A_PUSH,
        UNAUTHORIZED,
        MALFORMED,
        TOO_LARGE,
        /** Over the sender's rate limit: turned away with 429 before its body was read, and not recorded. */
        RATE_LIMITED
    }

    public WebhookOutcome {
        repositories = repositories == null ? List.of() : List.copyOf(repositories);
    }
}
