package dev.plumbline.renderer.render;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SourceMatchTest {

    @ParameterizedTest(name = "{0} is {1}: {2}")
    @CsvSource({
        "https://git.example.com/shop/deploy.git, HTTPS://Git.Example.com/shop/deploy, true",
        "https://git.example.com/shop/deploy/, https://git.example.com/shop/deploy.git, true",
        "https://git.example.com/shop/deploy, https://git.example.com/Shop/deploy, false",
        "git@git.example.com:shop/deploy.git, git@git.example.com:shop/deploy, true",
    })
    void repositoriesMatchWhateverTheirSpelling(String left, String right, boolean same) {
        assertThat(SourceMatch.sameRepository(left, right)).isEqualTo(same);
    }

    @ParameterizedTest(name = "targetRevision {0} watches {1}: {2}")
    @CsvSource({
        "main, refs/heads/main, true",
        "v1.2.0, refs/tags/v1.2.0, true",
        "refs/heads/main, refs/heads/main, true",
        "HEAD, HEAD, true",
        "9f8e7d6c5b4a39281706f5e4d3c2b1a098f7e6d5, 9f8e7d6c5b4a39281706f5e4d3c2b1a098f7e6d5, true",
        "main, refs/heads/maintenance, false",
        "main, refs/tags/v1, false",
    })
    void aTargetRevisionWatchesItsFullRef(String targetRevision, String ref, boolean watches) {
        assertThat(SourceMatch.sameRef(targetRevision, ref)).isEqualTo(watches);
    }
}
