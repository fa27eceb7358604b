package dev.plumbline.imageupdater.policy;

import java.time.Instant;
import java.util.regex.Pattern;

/**
 * The image created last (its image config's {@code created}), among the tags matching an optional pattern. A tag
 * whose creation time the registry does not give cannot be ordered and is not chosen.
 */
final class LatestPushedSelector extends RankedSelector<Instant> {

    private final Pattern filter;

    LatestPushedSelector(Pattern filter) {
        this.filter = filter;
    }

    @Override
    Ranking<Instant> rank(TagCandidate candidate) {
        if (filter != null && !filter.matcher(candidate.tag()).matches()) {
            return Ranking.unfit(candidate, candidate.tag() + " does not match " + filter.pattern());
        }
        if (candidate.created() == null) {
            return Ranking.unfit(candidate, candidate.tag() + " has no creation time in its image config");
        }
        return Ranking.of(candidate, candidate.created());
    }

    /** Tags alone carry no creation time: a fitting tag other than the current one is the newer push. */
    @Override
    public boolean newer(String candidate, String current) {
        boolean fits = filter == null || filter.matcher(candidate).matches();
        return fits && !candidate.equals(current);
    }

    @Override
    String chosenBecause(Ranking<Instant> chosen) {
        return chosen.tag() + " was created last (" + chosen.rank() + ")";
    }

    @Override
    String lowerBecause(Ranking<Instant> lower, Ranking<Instant> chosen) {
        return lower.rank().equals(chosen.rank())
                ? tieBecause(lower.tag(), chosen.tag())
                : lower.tag() + " was created before " + chosen.tag() + " (" + lower.rank() + ")";
    }

    @Override
    String noneFits() {
        return "no tag" + (filter == null ? "" : " matching " + filter.pattern()) + " has a creation time";
    }
}
