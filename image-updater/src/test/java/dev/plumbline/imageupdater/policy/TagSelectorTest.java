package dev.plumbline.imageupdater.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plumbline.events.application.ImagePolicy;
import dev.plumbline.events.vocabulary.TagOrder;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each kind of image policy choosing among tags, with the reason for every tag it passes over. */
class TagSelectorTest {

    private static final String WEB = "127.0.0.1:5000/shop/web";

    @ParameterizedTest(name = "{0} among {1} -> {2}")
    @CsvSource(
            delimiter = ';',
            value = {
                "~1.2               ; 1.2.3 1.2.5 1.2.4 1.3.0 1.3.0-rc.1 latest ; 1.2.5",
                "~1.2               ; v1.2.3 v1.2.10 v1.2.9                     ; v1.2.10",
                "^1.2.3             ; 1.2.2 1.9.0 2.0.0 1.10.1                  ; 1.10.1",
                ">=1.2.0 <2.0.0     ; 1.2.0 2.0.0-rc.1 1.99.0                   ; 1.99.0",
                "~1.2.5-rc.0        ; 1.2.5-rc.1 1.2.5-rc.2 1.2.6-rc.1           ; 1.2.5-rc.2",
                "~1.2.5-rc.0        ; 1.2.5-rc.2 1.2.5                          ; 1.2.5",
                "^1.0.0 || ^3.0.0   ; 1.4.0 2.5.0 3.1.0                         ; 3.1.0",
                "*                  ; 0.1.0 1.0.0-beta.1 0.9.0                  ; 0.9.0",
                "~1.2               ; 1.2 1.2.03 01.2.3 1.3.0 stable            ; ",
                "~1.2               ; 1.2.5 v1.2.5                              ; v1.2.5",
            })
    void semverChoosesTheHighestVersionWithinTheRange(String range, String tags, String expected) {
        TagChoice choice = TagSelector.of(ImagePolicy.semver(WEB, range)).choose(candidates(tags));

        assertThat(choice.chosen()).isEqualTo(Optional.ofNullable(expected));
        assertThat(choice.notChosen().keySet())
                .as("every other tag has a reason")
                .containsExactlyElementsOf(Arrays.stream(tags.split(" "))
                        .filter(tag -> !tag.equals(expected))
                        .toList());
    }

    @Test
    void eachTagPassedOverIsExplained() {
        TagChoice choice = TagSelector.of(ImagePolicy.semver(WEB, "~1.2"))
                .choose(candidates("1.2.4 1.2.5 1.3.0-rc.1 1.3.0 latest 1.2.5-rc.1"));

        assertThat(choice.explanation()).isEqualTo("1.2.5 is the highest version within ~1.2");
        assertThat(choice.notChosen())
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "1.2.4", "1.2.4 is lower than 1.2.5",
                        "1.3.0-rc.1", "1.3.0-rc.1 is outside ~1.2",
                        "1.3.0", "1.3.0 is outside ~1.2",
                        "latest", "latest is not a semantic version such as 1.2.3 or v1.2.3",
                        "1.2.5-rc.1", "1.2.5-rc.1 is outside ~1.2"));
        assertThat(choice.explain("1.3.0-rc.1")).isEqualTo("1.3.0-rc.1 is outside ~1.2");
        assertThat(choice.explain("1.2.5")).isEqualTo(choice.explanation());
    }

    @ParameterizedTest(name = "{0} extract {1} {2} among {3} -> {4}")
    @CsvSource(
            delimiter = '|',
            value = {
                "^main-(?<build>[0-9]+)$          | ${build}         | NUMERICAL    | main-9 main-10 main-2 dev-99 | main-10",
                "^main-(?<build>[0-9]+)$          |                  | ALPHABETICAL | main-9 main-10 main-2        | main-9",
                "^(?<date>[0-9]{8})-(?<sha>[a-f0-9]{7})$ | ${date}   | NUMERICAL    | 20261201-abcdef0 20261207-0123456 2026-x | 20261207-0123456",
                "^rel-(?<major>[0-9]+)\\.(?<minor>[0-9]+)$ | ${major}${minor} | NUMERICAL | rel-1.9 rel-1.10 rel-2.0 | rel-1.10",
                "^build-(?<n>.+)$                 | ${n}             | NUMERICAL    | build-x build-y              | ",
                "^[a-z]+$                         |                  | ALPHABETICAL | alpha beta gamma 1.0         | gamma",
            })
    void patternChoosesTheHighestByWhatItExtracts(
            String pattern, String extract, TagOrder order, String tags, String expected) {
        ImagePolicy policy = new ImagePolicy(WEB, null, pattern, extract, order, false, null);

        TagChoice choice = TagSelector.of(policy).choose(candidates(tags));

        assertThat(choice.chosen()).isEqualTo(Optional.ofNullable(expected));
        assertThat(choice.notChosen()).hasSize(tags.split(" ").length - (expected == null ? 0 : 1));
    }

    @Test
    void patternReasonsNameTheOrder() {
        ImagePolicy policy =
                new ImagePolicy(WEB, null, "^main-(?<build>[0-9a-z]+)$", "${build}", TagOrder.NUMERICAL, false, null);

        TagChoice choice = TagSelector.of(policy).choose(candidates("main-9 main-10 main-abc dev-1"));

        assertThat(choice.explanation())
                .isEqualTo("main-10 is the highest match of ^main-(?<build>[0-9a-z]+)$ (10, in numerical order)");
        assertThat(choice.notChosen())
                .containsEntry("main-9", "main-9 is lower than main-10 (9 < 10, in numerical order)")
                .containsEntry("main-abc", "main-abc gives \"abc\" to order, which is not a whole number")
                .containsEntry("dev-1", "dev-1 does not match ^main-(?<build>[0-9a-z]+)$");
    }

    @Test
    void latestPushedChoosesTheImageCreatedLastWithTiesByTag() {
        ImagePolicy policy = new ImagePolicy(WEB, null, "^main-.*$", null, null, true, null);
        Instant noon = Instant.parse("2026-12-07T12:00:00Z");
        List<TagCandidate> candidates = List.of(
                new TagCandidate("main-a", noon),
                new TagCandidate("main-c", noon.minusSeconds(60)),
                new TagCandidate("main-b", noon),
                new TagCandidate("main-d", null),
                new TagCandidate("feature-x", noon.plusSeconds(60)));

        TagChoice choice = TagSelector.of(policy).choose(candidates);

        assertThat(choice.chosen()).contains("main-b");
        assertThat(choice.explanation()).isEqualTo("main-b was created last (2026-12-07T12:00:00Z)");
        assertThat(choice.notChosen())
                .containsEntry("main-a", "main-a ranks equal to main-b, which is chosen as the later name")
                .containsEntry("main-c", "main-c was created before main-b (2026-12-07T11:59:00Z)")
                .containsEntry("main-d", "main-d has no creation time in its image config")
                .containsEntry("feature-x", "feature-x does not match ^main-.*$");
    }

    @ParameterizedTest(name = "{0}: {1} over {2} = {3}")
    @CsvSource(
            nullValues = "none",
            value = {
                "~1.2, 1.2.5, 1.2.4, true",
                "~1.2, 1.2.4, 1.2.5, false",
                "~1.2, 1.2.5, 1.2.5, false",
                "~1.2, 1.3.0-rc.1, 1.2.4, false",
                "~1.2, 1.2.5, none, true",
                "~1.2, 1.2.5, latest, true",
                "~1.2, v1.2.10, 1.2.9, true",
            })
    void newerNeverPromotesAnOlderOrUnfitTag(String range, String candidate, String current, boolean newer) {
        assertThat(TagSelector.of(ImagePolicy.semver(WEB, range)).newer(candidate, current))
                .isEqualTo(newer);
    }

    @Test
    void newerForLatestPushedAndPatterns() {
        TagSelector latest = TagSelector.of(new ImagePolicy(WEB, null, "^main-.*$", null, null, true, null));
        TagSelector builds =
                TagSelector.of(new ImagePolicy(WEB, null, "^b(?<n>[0-9]+)$", "${n}", TagOrder.NUMERICAL, false, null));

        assertThat(latest.newer("main-x", "main-y")).isTrue();
        assertThat(latest.newer("main-x", "main-x")).isFalse();
        assertThat(latest.newer("dev-x", "main-y")).isFalse();
        assertThat(builds.newer("b10", "b9")).isTrue();
        assertThat(builds.newer("b9", "b10")).isFalse();
    }

    @Test
    void anInvalidPolicyIsRefusedWithItsProblems() {
        assertThatThrownBy(() -> TagSelector.of(new ImagePolicy(WEB, "~1.2", "^x$", null, null, false, null)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("choose exactly one of semver, pattern or latestPushed");
    }

    @Test
    void noCandidatesChoosesNothingAndSaysWhy() {
        TagChoice choice = TagSelector.of(ImagePolicy.semver(WEB, "~1.2")).choose(List.of());

        assertThat(choice.chosen()).isEmpty();
        assertThat(choice.explanation()).isEqualTo("no tag is a version within ~1.2");
    }

    private static List<TagCandidate> candidates(String tags) {
        return Arrays.stream(tags.split(" ")).map(TagCandidate::of).toList();
    }
}
