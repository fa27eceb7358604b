package dev.plumbline.imageupdater.policy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A selector that gives each fitting tag a rank and chooses the highest; equal ranks are decided by the tag as text,
 * so the choice never depends on the order the registry lists tags in.
 *
 * @param <R> the rank: a version, an extracted number or text, a creation time
 */
abstract class RankedSelector<R extends Comparable<R>> implements TagSelector {

    /** A candidate's rank, or why it does not fit the policy. */
    record Ranking<R>(TagCandidate candidate, R rank, String unfit) {

        static <R> Ranking<R> of(TagCandidate candidate, R rank) {
            return new Ranking<>(candidate, rank, null);
        }

        static <R> Ranking<R> unfit(TagCandidate candidate, String why) {
            return new Ranking<>(candidate, null, why);
        }

        String tag() {
            return candidate.tag();
        }
    }

    abstract Ranking<R> rank(TagCandidate candidate);

    /** Why the chosen tag was chosen. */
    abstract String chosenBecause(Ranking<R> chosen);

    /** Why a fitting tag ranked below the chosen one. */
    abstract String lowerBecause(Ranking<R> lower, Ranking<R> chosen);

    /** Why no tag was chosen, when none fits. */
    abstract String noneFits();

    private final Comparator<Ranking<R>> byRank =
            Comparator.comparing((Ranking<R> ranking) -> ranking.rank()).thenComparing(Ranking::tag);

    @Override
    public TagChoice choose(List<TagCandidate> candidates) {
        Map<String, String> notChosen = new LinkedHashMap<>();
        List<Ranking<R>> fitting = new ArrayList<>();
        for (TagCandidate candidate : candidates == null ? List.<TagCandidate>of() : candidates) {
            if (candidate == null || candidate.tag() == null || notChosen.containsKey(candidate.tag())) {
                continue;
            }
            Ranking<R> ranking = rank(candidate);
            if (ranking.unfit() != null) {
                notChosen.put(candidate.tag(), ranking.unfit());
            } else {
                fitting.add(ranking);
                // keeps the candidates' order; replaced by the reason once the choice is known
                notChosen.put(candidate.tag(), null);
            }
        }
        Optional<Ranking<R>> chosen = fitting.stream().max(byRank);
        if (chosen.isEmpty()) {
            return new TagChoice(Optional.empty(), noneFits(), notChosen);
        }
        notChosen.remove(chosen.get().tag());
        for (Ranking<R> ranking : fitting) {
            if (ranking != chosen.get()) {
                notChosen.put(ranking.tag(), lowerBecause(ranking, chosen.get()));
            }
        }
        return new TagChoice(Optional.of(chosen.get().tag()), chosenBecause(chosen.get()), notChosen);
    }

    @Override
    public boolean newer(String candidate, String current) {
        Ranking<R> offered = rank(TagCandidate.of(candidate));
        if (offered.unfit() != null) {
            return false;
        }
        Ranking<R> held = current == null ? null : rank(TagCandidate.of(current));
        return held == null || held.unfit() != null || byRank.compare(offered, held) > 0;
    }

    /** How a tag that ties with the chosen one on rank lost: by its text. */
    static String tieBecause(String lower, String chosen) {
        return lower + " ranks equal to " + chosen + ", which is chosen as the later name";
    }
}
