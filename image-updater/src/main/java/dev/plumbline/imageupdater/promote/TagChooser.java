package dev.plumbline.imageupdater.promote;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** An image policy, as a choice among a repository's tags. */
public interface TagChooser {

    /** A tag, with when its image was built when the policy needs it (latest pushed). */
    record Candidate(String tag, Instant created) {}

    /**
     * @param chosen     the tag to run, if any
     * @param why        why it was chosen (or why none was)
     * @param passedOver per other tag, why it was not chosen
     */
    record Choice(Optional<String> chosen, String why, Map<String, String> passedOver) {}

    Choice choose(List<Candidate> candidates);

    /**
     * Whether the policy would promote {@code candidate} over {@code current} (the tag the files hold; null when they
     * hold none): an older tag is never promoted.
     */
    boolean newer(String candidate, String current);

    /** Whether the choice needs each tag's {@code created} (each tag described first). */
    boolean needsCreated();

    /** The policy in a few words, for the status, e.g. {@code semver ~1.2}. */
    String describe();
}
