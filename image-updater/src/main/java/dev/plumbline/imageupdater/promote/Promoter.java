package dev.plumbline.imageupdater.promote;

import dev.plumbline.servicekit.retry.ExponentialBackoff;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * The promotion of one image of one app: read the registry, choose by the policy, tell what is new, compare with
 * what the config repository pins, and propose the change (a pull request on the image's one branch, updated by a
 * newer image) or commit it. The caller runs at most one call per {@link ImageKey} at a time.
 */
public final class Promoter {

    private static final Logger LOG = Logger.getLogger(Promoter.class);

    /** What a promotion came to. */
    public record Outcome(String pullRequestUrl, String commit, String message) {}

    private final ImageRegistry registry;
    private final ConfigRepository config;
    private final PullRequests.Hosts hosts;
    private final ImageLedger ledger;
    private final ImageNews.Sink sink;
    private final PromotionText text;
    private final ExponentialBackoff backoff;
    private final Clock clock;

    public Promoter(
            ImageRegistry registry,
            ConfigRepository config,
            PullRequests.Hosts hosts,
            ImageLedger ledger,
            ImageNews.Sink sink,
            PromotionText text,
            ExponentialBackoff backoff,
            Clock clock) {
        this.registry = registry;
        this.config = config;
        this.hosts = hosts;
        this.ledger = ledger;
        this.sink = sink;
        this.text = text;
        this.backoff = backoff;
        this.clock = clock;
    }

    /**
     * Checks an image against its policy and promotes the chosen one if the config repository pins another.
     *
     * @return when to check again because the registry failed; empty when it did not
     */
    public Optional<Instant> check(ImageWatch watch, Cause cause) {
        ImageKey key = watch.key();
        String policy = watch.chooser().describe();
        ImageFacts chosen;
        try {
            Map<String, ImageFacts> described = new HashMap<>();
            List<TagChooser.Candidate> candidates = new ArrayList<>();
            List<String> tags = registry.tags(key.repository());
            Set<String> before = ledger.lastTags(key);
            for (String tag : tags) {
                if (watch.chooser().needsCreated()) {
                    described.put(tag, registry.describe(key.repository(), tag));
                }
                candidates.add(new TagChooser.Candidate(
                        tag, described.containsKey(tag) ? described.get(tag).created() : null));
            }
            TagChooser.Choice choice = watch.chooser().choose(candidates);
            tellPassedOver(key, choice, before, described, cause);
            // only once every new tag was told: a tag the registry could not describe yet is news at the next check
            ledger.rememberTags(key, new HashSet<>(tags));
            if (choice.chosen().isEmpty()) {
                ledger.checked(key, policy, clock.instant(), null, null);
                ledger.settled(key);
                LOG.debugf("%s: no tag fits %s: %s", key, policy, choice.why());
                return Optional.empty();
            }
            String tag = choice.chosen().get();
            chosen = described.containsKey(tag) ? described.get(tag) : registry.describe(key.repository(), tag);
            tellDetected(key, chosen, cause, true, choice.why());
        } catch (ImageRegistry.RegistryFailure failure) {
            return Optional.of(registryFailed(key, policy, failure));
        }
        try {
            promote(watch.source(), key, chosen, watch.direct(), cause.actor(), watch.chooser());
        } catch (PromotionFailure failure) {
            failed(key, policy, chosen, failure);
        }
        return Optional.empty();
    }

    /**
     * Promotes an image CI names by digest (and perhaps tag), after checking that the app's policy for the repository
     * allows it and the registry holds the image so.
     *
     * @param policies the app's valid image policies
     * @throws CiRefusal                     when no policy covers the repository, or direct is asked and not allowed
     * @throws ImageRegistry.RegistryFailure when the registry cannot say, or has no such image
     * @throws IllegalArgumentException      when the tag names another digest
     * @throws PromotionFailure              when the promotion cannot be made
     */
    public Outcome promoteFromCi(
            List<ImageWatch> policies, ImageKey key, String tag, String digest, boolean direct, String actor) {
        AppSource source = CiRefusal.policyFor(policies, key, direct).source();
        ImageFacts image = CiImage.resolve(registry, key.repository(), tag, digest);
        tellDetected(key, image, Cause.ci(actor), true, "promoted by the CI token " + actor);
        try {
            return promote(source, key, image, direct, actor, null);
        } catch (PromotionFailure failure) {
            failed(key, null, image, failure);
            throw failure;
        }
    }

    /** @param chooser the policy, which never lets an older tag replace a newer one; null for CI's own choice */
    private Outcome promote(
            AppSource app, ImageKey key, ImageFacts image, boolean direct, String actor, TagChooser chooser) {
        String policy = chooser == null ? null : chooser.describe();
        AppSource source = config.onBranch(app);
        List<ConfigRepository.Pinned> pinned = config.pinned(source, key.repository());
        if (pinned.isEmpty()) {
            throw new PromotionFailure(
                    FailureReason.NO_IMAGE_REFERENCE,
                    "no file under " + pathOf(source) + " of " + source.repoUrl() + " (" + source.targetRevision()
                            + ") names " + key.repository() + "; add it to a kustomization's images:, a Helm values"
                            + " line marked # plumbline:image " + key.repository() + ", or a container's image:");
        }
        String current = pinned.get(0).reference();
        ledger.checked(key, policy, clock.instant(), current, image.tag() + "@" + image.digest());
        if (pinned.stream().allMatch(p -> p.reference().contains(image.digest()))) {
            ledger.settled(key);
            return new Outcome(null, null, key + " already runs " + image.reference(key.repository()));
        }
        String currentTag = pinned.get(0).tag();
        if (chooser != null
                && currentTag != null
                && !currentTag.equals(image.tag())
                && !chooser.newer(image.tag(), currentTag)) {
            ledger.settled(key);
            return new Outcome(null, null, key + " runs " + currentTag + ", newer than " + image.tag());
        }
        if (direct) {
            String promotionId = UUID.randomUUID().toString();
            ConfigRepository.Pushed pushed = config.pushImage(
                    source, key.repository(), image, null, text.commitMessage(key, image, current, promotionId));
            if (pushed.commit() == null) {
                ledger.settled(key);
                return new Outcome(null, null, key + " already runs " + image.reference(key.repository()));
            }
            tell(new ImageNews.Merged(
                    key,
                    promotionId,
                    image.tag(),
                    image.digest(),
                    source.repoUrl(),
                    pushed.commit(),
                    null,
                    actor,
                    List.of(),
                    ImageNews.ApprovalSource.NONE,
                    true));
            return new Outcome(
                    null, pushed.commit(), "committed " + pushed.commit() + " to " + source.targetRevision());
        }
        Optional<OpenPromotion> known = ledger.open(key);
        if (known.isPresent() && known.get().digest().equals(image.digest())) {
            ledger.settled(key);
            return new Outcome(known.get().pullRequestUrl(), null, "already proposed");
        }
        PullRequests pulls = hosts.of(source);
        String branch = key.promotionBranch();
        Optional<PullRequests.Request> existing = pulls.findOpen(branch);
        String promotionId = existing.isPresent() && known.isPresent()
                ? known.get().promotionId()
                : UUID.randomUUID().toString();
        ConfigRepository.Pushed pushed = config.pushImage(
                source, key.repository(), image, branch, text.commitMessage(key, image, current, promotionId));
        if (pushed.commit() == null) {
            ledger.settled(key);
            return new Outcome(null, null, key + " already runs " + image.reference(key.repository()));
        }
        PullRequests.Draft draft = new PullRequests.Draft(
                text.title(key, image),
                text.body(key, image, current, pushed.files()),
                branch,
                source.targetRevision());
        PullRequests.Request request =
                existing.isPresent() ? pulls.update(existing.get().number(), draft) : pulls.open(draft);
        tell(new ImageNews.Proposed(
                key,
                promotionId,
                image.tag(),
                image.digest(),
                current,
                image.sourceRevision(),
                image.sourceUrl(),
                source.repoUrl(),
                source.targetRevision(),
                branch,
                pushed.commit(),
                pushed.files(),
                request.url(),
                request.number(),
                existing.isPresent(),
                actor));
        ledger.settled(key);
        return new Outcome(request.url(), pushed.commit(), existing.isPresent() ? "updated" : "opened");
    }

    /** Tells the tags that appeared since the last check and that the policy passed over, once each. */
    private void tellPassedOver(
            ImageKey key,
            TagChooser.Choice choice,
            Set<String> before,
            Map<String, ImageFacts> described,
            Cause cause) {
        if (before == null) {
            return;
        }
        choice.passedOver().forEach((tag, why) -> {
            if (before.contains(tag)) {
                return;
            }
            ImageFacts facts = described.get(tag);
            if (facts == null) {
                facts = registry.describe(key.repository(), tag);
            }
            tellDetected(key, facts, cause, false, why);
        });
    }

    private void tellDetected(ImageKey key, ImageFacts image, Cause cause, boolean selected, String explanation) {
        if (!ledger.told(key, image.tag(), image.digest())) {
            tell(new ImageNews.Detected(
                    key,
                    image.tag(),
                    image.digest(),
                    image.created(),
                    image.sourceRevision(),
                    image.sourceUrl(),
                    cause,
                    selected,
                    explanation));
        }
    }

    private Instant registryFailed(ImageKey key, String policy, ImageRegistry.RegistryFailure failure) {
        int failures = ledger.failed(key, policy, failure.getMessage());
        Instant next = clock.instant().plus(backoff.delay(failures));
        ledger.retryAt(key, next);
        FailureReason reason =
                failure.retryable() ? FailureReason.REGISTRY_UNREACHABLE : FailureReason.REGISTRY_REFUSED;
        LOG.warnf("%s: %s; trying again at %s (failure %d in a row)", key, failure.getMessage(), next, failures);
        if (ledger.failureIsNews(key, reason, null, null)) {
            tell(new ImageNews.Failed(key, null, null, reason, failure.getMessage(), next));
        }
        return next;
    }

    private void failed(ImageKey key, String policy, ImageFacts image, PromotionFailure failure) {
        ledger.failed(key, policy, failure.getMessage());
        LOG.warnf("%s: %s: %s", key, failure.reason(), failure.getMessage());
        if (ledger.failureIsNews(key, failure.reason(), image.tag(), image.digest())) {
            tell(new ImageNews.Failed(key, image.tag(), image.digest(), failure.reason(), failure.getMessage(), null));
        }
    }

    private void tell(ImageNews news) {
        sink.tell(news);
        ledger.record(news);
    }

    private static String pathOf(AppSource source) {
        return source.path().isEmpty() ? "the root" : source.path();
    }
}
