package dev.plumbline.imageupdater.policy;

import java.util.regex.Pattern;
import org.semver4j.RangesList;
import org.semver4j.RangesListFactory;
import org.semver4j.Semver;

/**
 * The highest version within an npm-style range ({@code ~1.2}, {@code ^1.2.3}, {@code >=1.2.0 <2.0.0},
 * alternatives with {@code ||}). A tag is a version when it is {@code MAJOR.MINOR.PATCH} with an optional
 * prerelease, a leading {@code v} allowed; prereleases fit only a range that names one of the same version.
 */
final class SemverSelector extends RankedSelector<Semver> {

    private static final Pattern VERSION = Pattern.compile(
            "v?(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)(-[0-9A-Za-z.-]+)?(\\+[0-9A-Za-z.-]+)?");

    private final String range;
    private final RangesList ranges;

    SemverSelector(String range) {
        this.range = range;
        this.ranges = RangesListFactory.create(range);
    }

    @Override
    Ranking<Semver> rank(TagCandidate candidate) {
        String tag = candidate.tag();
        Semver version =
                VERSION.matcher(tag).matches() ? Semver.parse(tag.startsWith("v") ? tag.substring(1) : tag) : null;
        if (version == null) {
            return Ranking.unfit(candidate, tag + " is not a semantic version such as 1.2.3 or v1.2.3");
        }
        if (!ranges.isSatisfiedBy(version)) {
            return Ranking.unfit(candidate, tag + " is outside " + range);
        }
        return Ranking.of(candidate, version);
    }

    @Override
    String chosenBecause(Ranking<Semver> chosen) {
        return chosen.tag() + " is the highest version within " + range;
    }

    @Override
    String lowerBecause(Ranking<Semver> lower, Ranking<Semver> chosen) {
        return lower.rank().isEqualTo(chosen.rank())
                ? tieBecause(lower.tag(), chosen.tag())
                : lower.tag() + " is lower than " + chosen.tag();
    }

    @Override
    String noneFits() {
        return "no tag is a version within " + range;
    }
}
