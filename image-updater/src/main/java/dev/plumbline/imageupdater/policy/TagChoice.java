package dev.plumbline.imageupdater.policy;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The tag a policy chose among the candidates, why, and for every other candidate why it was not chosen.
 *
 * @param chosen      the tag to promote; empty when no candidate fits the policy
 * @param explanation why that tag, or why none
 * @param notChosen   each other tag with why it was not chosen, in the order of the candidates
 */
public record TagChoice(Optional<String> chosen, String explanation, Map<String, String> notChosen) {

    public TagChoice {
        notChosen = Collections.unmodifiableMap(new LinkedHashMap<>(notChosen));
    }

    /** Why a candidate was chosen or not, as an image event explains it. */
    public String explain(String tag) {
        return chosen.filter(tag::equals).isPresent()
                ? explanation
                : notChosen.getOrDefault(tag, tag + " was not offered");
    }
}
