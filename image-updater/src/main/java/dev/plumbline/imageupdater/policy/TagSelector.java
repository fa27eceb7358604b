package dev.plumbline.imageupdater.policy;

import dev.plumbline.events.application.ImagePolicy;
import dev.plumbline.events.vocabulary.TagOrder;
import java.util.List;
import java.util.regex.Pattern;

/** An image policy's way of choosing among a repository's tags. */
public interface TagSelector {

    /**
     * The selector following a policy.
     *
     * @throws IllegalArgumentException naming the policy's problems when it is not valid
     */
    static TagSelector of(ImagePolicy policy) {
        List<String> problems = policy.problems();
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        Pattern pattern = policy.pattern() == null ? null : Pattern.compile(policy.pattern());
        if (policy.latestPushed()) {
            return new LatestPushedSelector(pattern);
        }
        if (policy.semver() != null) {
            return new SemverSelector(policy.semver());
        }
        return new PatternSelector(pattern, policy.extract(), policy.order() == TagOrder.NUMERICAL);
    }

    /** The tag the policy chooses among the candidates, with a reason for each. */
    TagChoice choose(List<TagCandidate> candidates);

    /**
     * Whether the policy would promote {@code candidate} over {@code current} (the tag the config files hold, null
     * when they hold none or only a digest): it fits the policy and ranks above, so an older tag is never promoted. A
     * current tag outside the policy (the policy was changed) ranks below every fitting one.
     */
    boolean newer(String candidate, String current);
}
