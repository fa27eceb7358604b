package dev.plumbline.renderer.render.kustomize;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KustomizeOverlayTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "web=registry.example.com/web:1.4.2|{name=web, newName=registry.example.com/web, newTag=1.4.2}",
                "web=registry.example.com:5000/web|{name=web, newName=registry.example.com:5000/web}",
                "web:1.4.2|{name=web, newTag=1.4.2}",
                "web@sha256:abc|{digest=sha256:abc, name=web}",
                "api=registry.example.com/api@sha256:abc|{digest=sha256:abc, name=registry.example.com/api, newName=registry.example.com/api}",
            })
    void readsKustomizeEditSetImageSyntax(String override, String expected) {
        assertThat(KustomizeOverlay.image(override, Map.of("api", "registry.example.com/api")))
                .hasToString(expected);
    }
}
