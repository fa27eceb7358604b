package dev.plumbline.imageupdater.policy;

import java.math.BigInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The highest tag matching a regular expression, ordered by what {@code extract} takes of it ({@code ${name}} for
 * a named group; the whole tag when there is no extract), as numbers or as text.
 */
final class PatternSelector extends RankedSelector<PatternSelector.Extracted> {

    private static final Pattern GROUP_REFERENCE = Pattern.compile("\\$\\{([A-Za-z][A-Za-z0-9]*)}");

    /** What a tag is ordered by: a number in numerical order, else the text. */
    record Extracted(BigInteger number, String text) implements Comparable<Extracted> {

        @Override
        public int compareTo(Extracted other) {
            return number != null ? number.compareTo(other.number) : text.compareTo(other.text);
        }
    }

    private final Pattern pattern;
    private final String extract;
    private final boolean numerical;

    PatternSelector(Pattern pattern, String extract, boolean numerical) {
        this.pattern = pattern;
        this.extract = extract;
        this.numerical = numerical;
    }

    @Override
    Ranking<Extracted> rank(TagCandidate candidate) {
        Matcher match = pattern.matcher(candidate.tag());
        if (!match.matches()) {
            return Ranking.unfit(candidate, candidate.tag() + " does not match " + pattern.pattern());
        }
        String text = extract == null
                ? candidate.tag()
                : GROUP_REFERENCE.matcher(extract).replaceAll(group -> {
                    String value = match.group(group.group(1));
                    return Matcher.quoteReplacement(value == null ? "" : value);
                });
        if (!numerical) {
            return Ranking.of(candidate, new Extracted(null, text));
        }
        try {
            return Ranking.of(candidate, new Extracted(new BigInteger(text), text));
        } catch (NumberFormatException notANumber) {
            return Ranking.unfit(
                    candidate, candidate.tag() + " gives \"" + text + "\" to order, which is not a whole number");
        }
    }

    @Override
    String chosenBecause(Ranking<Extracted> chosen) {
        return chosen.tag() + " is the highest match of " + pattern.pattern() + " ("
                + chosen.rank().text() + ", in " + order() + ")";
    }

    @Override
    String lowerBecause(Ranking<Extracted> lower, Ranking<Extracted> chosen) {
        return lower.rank().compareTo(chosen.rank()) == 0
                ? tieBecause(lower.tag(), chosen.tag())
                : lower.tag() + " is lower than " + chosen.tag() + " ("
                        + lower.rank().text() + " < " + chosen.rank().text() + ", in " + order() + ")";
    }

    @Override
    String noneFits() {
        return "no tag matches " + pattern.pattern() + (numerical ? " with a whole number to order" : "");
    }

    private String order() {
        return numerical ? "numerical order" : "alphabetical order";
    }
}
