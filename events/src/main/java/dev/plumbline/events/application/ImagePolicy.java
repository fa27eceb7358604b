package dev.plumbline.events.application;

import dev.plumbline.events.vocabulary.PromotionMode;
import dev.plumbline.events.vocabulary.TagOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.semver4j.RangesListFactory;

/**
 * One entry of an Application's {@code spec.images}: an image repository its config files refer to, which of its
 * tags the image-updater promotes, and how. Exactly one way of choosing: a {@code semver} range, a {@code pattern}
 * whose matches are ordered, or the {@code latestPushed} image (which a {@code pattern} may filter). The digest is
 * always pinned.
 *
 * @param repository   the repository as the config files write it, {@code registry host[:port]/path}
 * @param semver       an npm-style range such as {@code ~1.2} ({@code >=1.2.0 <1.3.0}); prereleases only when the
 *                     range names one; null when another way is chosen
 * @param pattern      a Java regular expression the whole tag must match; null when none
 * @param extract      what of a matching tag is ordered, with the pattern's named groups, such as {@code ${build}};
 *                     null for the whole tag
 * @param order        how a pattern's matches are ordered, the highest winning; alphabetical when not written
 * @param latestPushed whether the image created last wins
 * @param promotion    a pull request (when not written) or a direct commit on the target branch
 */
public record ImagePolicy(
        String repository,
        String semver,
        String pattern,
        String extract,
        TagOrder order,
        boolean latestPushed,
        PromotionMode promotion) {

    private static final Pattern GROUP_REFERENCE = Pattern.compile("\\$\\{([A-Za-z][A-Za-z0-9]*)}");
    private static final Pattern NAMED_GROUP = Pattern.compile("\\(\\?<([A-Za-z][A-Za-z0-9]*)>");

    public ImagePolicy {
        order = order == null ? TagOrder.ALPHABETICAL : order;
        promotion = promotion == null ? PromotionMode.PULL_REQUEST : promotion;
    }

    /** A policy following a semver range, promoted by pull request. */
    public static ImagePolicy semver(String repository, String range) {
        return new ImagePolicy(repository, range, null, null, null, false, null);
    }

    /**
     * What is wrong with it, each naming the repository and what to write instead; empty when it is valid.
     */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        String image = repository == null || repository.isBlank() ? "an image" : "image " + repository;
        if (repository == null || repository.isBlank()) {
            problems.add("an image has no repository: write the repository as the config files do, such as"
                    + " registry.example.com/shop/web");
        } else if (repository.contains("@")
                || repository.substring(repository.lastIndexOf('/') + 1).contains(":")) {
            problems.add(image + ": the repository names a tag or digest; write the repository alone, the policy"
                    + " chooses the tag");
        }
        int ways = (semver != null ? 1 : 0) + (latestPushed ? 1 : 0) + (pattern != null && !latestPushed ? 1 : 0);
        if (ways != 1) {
            problems.add(image + ": choose exactly one of semver, pattern or latestPushed (found "
                    + (ways == 0 ? "none" : "semver together with " + (latestPushed ? "latestPushed" : "pattern"))
                    + ")");
        }
        if (semver != null) {
            semverProblem().ifPresent(problem -> problems.add(image + ": " + problem));
        }
        if (pattern != null) {
            patternProblems().forEach(problem -> problems.add(image + ": " + problem));
        } else if (extract != null) {
            problems.add(image + ": extract needs a pattern whose named groups it uses");
        }
        return List.copyOf(problems);
    }

    private Optional<String> semverProblem() {
        String[] alternatives = semver.split("\\|\\|", -1);
        boolean readable =
                !semver.isBlank() && RangesListFactory.create(semver).get().size() == alternatives.length;
        for (String alternative : alternatives) {
            String written = alternative.strip();
            readable &= written.chars().anyMatch(Character::isDigit)
                    || List.of("*", "x", "X").contains(written);
        }
        return readable
                ? Optional.empty()
                : Optional.of("semver range \"" + semver + "\" is not a range; write one such as ~1.2"
                        + " (>=1.2.0 <1.3.0), ^1.2 or >=1.2.0 <2.0.0");
    }

    private List<String> patternProblems() {
        try {
            Pattern.compile(pattern);
        } catch (PatternSyntaxException e) {
            return List.of("pattern \"" + pattern + "\" is not a regular expression: " + e.getDescription()
                    + " near index " + e.getIndex());
        }
        List<String> problems = new ArrayList<>();
        List<String> named = NAMED_GROUP
                .matcher(pattern)
                .results()
                .map(match -> match.group(1))
                .toList();
        if (extract != null) {
            Matcher references = GROUP_REFERENCE.matcher(extract);
            boolean any = false;
            while (references.find()) {
                any = true;
                String group = references.group(1);
                if (!named.contains(group)) {
                    problems.add("extract \"" + extract + "\" uses ${" + group + "}, which pattern \"" + pattern
                            + "\" does not name; name it with (?<" + group + ">...)");
                }
            }
            if (!any) {
                problems.add("extract \"" + extract + "\" uses no group of the pattern; write it as ${name}");
            }
        }
        return problems;
    }
}
