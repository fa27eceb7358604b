package dev.plumbline.imageupdater.wiring;

import dev.plumbline.events.application.ImagePolicy;
import dev.plumbline.imageupdater.policy.TagCandidate;
import dev.plumbline.imageupdater.policy.TagChoice;
import dev.plumbline.imageupdater.policy.TagSelector;
import dev.plumbline.imageupdater.promote.TagChooser;
import jakarta.inject.Singleton;
import java.util.List;

/** Each policy as the promotion core's chooser, on the policy package's selectors. */
@Singleton
public class PolicyTagChoosers implements TagChoosers {

    @Override
    public TagChooser of(ImagePolicy policy) {
        TagSelector selector = TagSelector.of(policy);
        return new TagChooser() {
            @Override
            public Choice choose(List<Candidate> candidates) {
                TagChoice choice = selector.choose(candidates.stream()
                        .map(candidate -> new TagCandidate(candidate.tag(), candidate.created()))
                        .toList());
                return new Choice(choice.chosen(), choice.explanation(), choice.notChosen());
            }

            @Override
            public boolean newer(String candidate, String current) {
                return selector.newer(candidate, current);
            }

            @Override
            public boolean needsCreated() {
                return policy.latestPushed();
            }

            @Override
            public String describe() {
                if (policy.latestPushed()) {
                    return policy.pattern() == null ? "latest pushed" : "latest pushed matching " + policy.pattern();
                }
                if (policy.semver() != null) {
                    return "semver " + policy.semver();
                }
                return "pattern " + policy.pattern() + " (" + policy.order().label() + ")";
            }
        };
    }
}
