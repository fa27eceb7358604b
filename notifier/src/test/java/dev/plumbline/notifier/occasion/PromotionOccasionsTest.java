package dev.plumbline.notifier.occasion;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plumbline.events.PromotionFailed;
import dev.plumbline.events.PromotionMerged;
import dev.plumbline.events.PromotionProposed;
import dev.plumbline.events.vocabulary.ApprovalSource;
import dev.plumbline.events.vocabulary.NotificationOccasion;
import dev.plumbline.events.vocabulary.PromotionFailureReason;
import dev.plumbline.events.vocabulary.PromotionMode;
import dev.plumbline.notifier.aggregate.Aggregator;
import dev.plumbline.notifier.template.MessageTemplates;
import dev.plumbline.notifier.template.RenderedMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A promotion's pull request, merge and failure, as the messages people get of them. */
class PromotionOccasionsTest {

    private static final String REPOSITORY = "127.0.0.1:5000/shop/web";
    private static final String DIGEST = "sha256:" + "ab".repeat(32);
    private static final String PULL_REQUEST = "http://git.example.com/plumbline/shop/pulls/7";

    private final OccasionDerivation derivation = new OccasionDerivation(Duration.ofMinutes(10));
    private final MessageTemplates templates = new MessageTemplates(Optional.empty(), 20);

    @Test
    void aProposedPromotionLinksItsPullRequestAndTheImagesSource() {
        PromotionProposed proposed = PromotionProposed.of(
                "corr-7",
                "web",
                "promo-1",
                REPOSITORY,
                "1.2.5",
                DIGEST,
                REPOSITORY + ":1.2.4",
                "a1b2c3d",
                "https://git.example.com/shop/web",
                "https://git.example.com/shop/config.git",
                "main",
                "plumbline/promote/web/web",
                "ddd4444",
                List.of("apps/web/kustomization.yaml"),
                PULL_REQUEST,
                7,
                false,
                "plumbline");

        RenderedMessage message = told(proposed);

        assertThat(message.title()).isEqualTo("Pull request for app web: " + REPOSITORY + ":1.2.5 waits for a review");
        assertThat(message.text())
                .contains(
                        "pull request: " + PULL_REQUEST,
                        "replaces: " + REPOSITORY + ":1.2.4",
                        "digest: " + DIGEST,
                        "source commit: a1b2c3d",
                        "Plumbline: Plumbline opened pull request #7 against main");
        assertThat(message.html()).contains(PULL_REQUEST);
        assertThat(message.markdown()).contains("*pull request:* " + PULL_REQUEST);
    }

    @Test
    void aMergedPromotionNamesWhoMergedAndApprovedIt() {
        PromotionMerged merged = PromotionMerged.of(
                "corr-7",
                "web",
                "promo-1",
                REPOSITORY,
                "1.2.5",
                DIGEST,
                "https://git.example.com/shop/config.git",
                "c".repeat(40),
                PULL_REQUEST,
                "ana",
                List.of("bo", "cy"),
                ApprovalSource.TRAILER,
                PromotionMode.PULL_REQUEST);

        RenderedMessage message = told(merged);

        assertThat(message.title()).isEqualTo("App web gets " + REPOSITORY + ":1.2.5: promotion merged by ana");
        assertThat(message.text()).contains("Revision: ccccccc", "approved by: bo, cy (trailer)", "merged by: ana");
    }

    @Test
    void aFailedPromotionSaysWhatFailedAndWhenItIsTriedAgain() {
        PromotionFailed failed = PromotionFailed.of(
                "corr-8",
                "web",
                REPOSITORY,
                null,
                null,
                PromotionFailureReason.REGISTRY_UNREACHABLE,
                "registry 127.0.0.1:5000 did not answer: is it running?",
                Instant.parse("2026-12-08T00:05:00Z"));

        RenderedMessage message = told(failed);

        assertThat(message.title())
                .isEqualTo("Promotion of " + REPOSITORY + " for app web failed: registry-unreachable");
        assertThat(message.text())
                .contains(
                        "error: registry 127.0.0.1:5000 did not answer: is it running?",
                        "Plumbline: Plumbline tries again at 2026-12-08T00:05:00Z.");
    }

    private RenderedMessage told(dev.plumbline.events.PlumblineEvent event) {
        List<Occurrence> occurrences =
                derivation.derive(event, Optional.empty(), Instant.now()).occurrences();
        assertThat(occurrences)
                .singleElement()
                .satisfies(occurrence -> assertThat(occurrence.occasion().label())
                        .isEqualTo(NotificationOccasion.valueOf(
                                        "PROMOTION_" + event.type().name().substring("PROMOTION_".length()))
                                .label()));
        Aggregator aggregator = new Aggregator(Duration.ZERO, Duration.ZERO);
        aggregator.add(occurrences.get(0), Instant.now());
        return templates.render(aggregator.due(Instant.now()).get(0));
    }
}
