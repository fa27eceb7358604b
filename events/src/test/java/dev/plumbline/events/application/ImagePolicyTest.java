package dev.plumbline.events.application;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plumbline.events.vocabulary.PromotionMode;
import dev.plumbline.events.vocabulary.TagOrder;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ImagePolicyTest {

    private static final String WEB = "127.0.0.1:5000/shop/web";

    @ParameterizedTest
    @ValueSource(strings = {"~1.2", "^1.2", ">=1.2.0 <2.0.0", "1.2.x", "^1.2 || ~3", "*", "1.2.3 - 2"})
    void aSemverRangeAsNpmWritesItIsValidAndPromotedByPullRequest(String range) {
        ImagePolicy policy = ImagePolicy.semver(WEB, range);

        assertThat(policy.problems()).isEmpty();
        assertThat(policy.promotion()).isEqualTo(PromotionMode.PULL_REQUEST);
    }

    @ParameterizedTest
    @ValueSource(strings = {"latest", "not a range", "~1.2 || junk", ""})
    void aSemverRangeThatDoesNotParseIsNamedWithAnExample(String range) {
        assertThat(ImagePolicy.semver(WEB, range).problems())
                .singleElement()
                .asString()
                .startsWith("image " + WEB + ": semver range \"" + range + "\" is not a range")
                .contains("~1.2");
    }

    @Test
    void aPatternOrderedByTheGroupItExtractsIsValidAndOrdersAlphabeticallyUnlessTold() {
        ImagePolicy numbered =
                new ImagePolicy(WEB, null, "^main-(?<build>[0-9]+)$", "${build}", TagOrder.NUMERICAL, false, null);
        ImagePolicy unordered = new ImagePolicy(WEB, null, "^main-.*$", null, null, false, PromotionMode.DIRECT);

        assertThat(numbered.problems()).isEmpty();
        assertThat(unordered.problems()).isEmpty();
        assertThat(unordered.order()).isEqualTo(TagOrder.ALPHABETICAL);
    }

    @Test
    void aPatternThatDoesNotCompileOrAnExtractOfAnUnnamedGroupIsNamed() {
        ImagePolicy broken = new ImagePolicy(WEB, null, "^main-([0-9+$", null, null, false, null);
        ImagePolicy unnamed = new ImagePolicy(WEB, null, "^main-(?<build>[0-9]+)$", "${run}", null, false, null);

        assertThat(broken.problems())
                .singleElement()
                .asString()
                .contains("pattern \"^main-([0-9+$\" is not a regular expression");
        assertThat(unnamed.problems()).singleElement().asString().contains("uses ${run}, which pattern", "(?<run>...)");
    }

    @Test
    void exactlyOneWayOfChoosingIsAllowedAndAPatternMayFilterTheLatestPushed() {
        ImagePolicy none = new ImagePolicy(WEB, null, null, null, null, false, null);
        ImagePolicy two = new ImagePolicy(WEB, "~1.2", null, null, null, true, null);
        ImagePolicy filtered = new ImagePolicy(WEB, null, "^main-", null, null, true, null);

        assertThat(none.problems()).singleElement().asString().contains("choose exactly one", "found none");
        assertThat(two.problems()).singleElement().asString().contains("semver together with latestPushed");
        assertThat(filtered.problems()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1:5000/shop/web:1.2.4", "shop/web@sha256:6c3c62", " "})
    void aRepositoryWithATagOrDigestOrNoneAtAllIsRefused(String repository) {
        assertThat(ImagePolicy.semver(repository, "~1.2").problems())
                .singleElement()
                .asString()
                .containsAnyOf("names a tag or digest", "has no repository");
    }
}
