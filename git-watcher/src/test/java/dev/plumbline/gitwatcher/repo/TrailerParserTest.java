package dev.plumbline.gitwatcher.repo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plumbline.events.git.Trailer;
import org.junit.jupiter.api.Test;

class TrailerParserTest {

    @Test
    void theTrailersOfTheLastParagraphAreReadInOrderWithRepeatedKeys() {
        String message = """
                Scale web to 3

                Traffic doubled after the launch.

                Reviewed-by: Ben <ben@example.com>
                Approved-by: Carla <carla@example.com>
                Signed-off-by: Ana Lima <ana@example.com>
                Co-authored-by: Dee <dee@example.com>
                Signed-off-by: Ben <ben@example.com>
                """;

        assertThat(TrailerParser.parse(message))
                .containsExactly(
                        new Trailer("Reviewed-by", "Ben <ben@example.com>"),
                        new Trailer("Approved-by", "Carla <carla@example.com>"),
                        new Trailer("Signed-off-by", "Ana Lima <ana@example.com>"),
                        new Trailer("Co-authored-by", "Dee <dee@example.com>"),
                        new Trailer("Signed-off-by", "Ben <ben@example.com>"));
    }

    @Test
    void anIndentedLineContinuesTheTrailerAbove() {
        assertThat(TrailerParser.parse("Fix\n\nNote-by: a long\n  explanation\r\nAcked-by: x\n"))
                .containsExactly(new Trailer("Note-by", "a long explanation"), new Trailer("Acked-by", "x"));
    }

    @Test
    void aSubjectAloneOrAParagraphWithProseHasNoTrailers() {
        assertThat(TrailerParser.parse("Fixes: the build")).isEmpty();
        assertThat(TrailerParser.parse("Fix\n\nThis fixes the build.\nSigned-off-by: Ana <a@x>"))
                .isEmpty();
        assertThat(TrailerParser.parse("Fix\n\nNote: see https://example.com"))
                .containsExactly(new Trailer("Note", "see https://example.com"));
        assertThat(TrailerParser.parse(null)).isEmpty();
        assertThat(TrailerParser.parse("")).isEmpty();
    }
}
