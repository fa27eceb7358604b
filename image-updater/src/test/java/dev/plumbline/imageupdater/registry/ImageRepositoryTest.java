package dev.plumbline.imageupdater.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ImageRepositoryTest {

    @ParameterizedTest
    @CsvSource({
        "nginx,                         docker.io,          library/nginx,  registry-1.docker.io",
        "acme/web,                      docker.io,          acme/web,       registry-1.docker.io",
        "index.docker.io/acme/web,      docker.io,          acme/web,       registry-1.docker.io",
        "ghcr.io/acme/web,              ghcr.io,            acme/web,       ghcr.io",
        "127.0.0.1:5000/shop/web,       127.0.0.1:5000,     shop/web,       127.0.0.1:5000",
        "localhost/shop/web,            localhost,          shop/web,       localhost"
    })
    void readsRepositoriesAsImageReferencesWriteThem(String text, String registry, String path, String apiHost) {
        ImageRepository repository = ImageRepository.parse(text);

        assertThat(repository).isEqualTo(new ImageRepository(registry, path));
        assertThat(repository.apiHost()).isEqualTo(apiHost);
        assertThat(repository.toString()).isEqualTo(registry + "/" + path);
    }

    @ParameterizedTest
    @CsvSource({
        "127.0.0.1:5000/shop/web:1.2.4,   names a tag or digest; write the repository alone, for example 127.0.0.1:5000/shop/web",
        "ghcr.io/acme/web@sha256:abc,     names a tag or digest; write the repository alone, for example ghcr.io/acme/web",
        "ghcr.io/Acme/Web,                invalid repository path 'Acme/Web'",
        "'  ',                            an image repository is required"
    })
    void refusesWhatIsNoRepositoryAndSaysHowToWriteIt(String text, String message) {
        assertThatThrownBy(() -> ImageRepository.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }

    @Test
    void credentialsForDockerHubMatchWhicheverOfItsNamesTheyUse() {
        assertThat(ImageRepository.canonicalRegistry("Registry-1.Docker.io")).isEqualTo("docker.io");
        assertThat(ImageRepository.canonicalRegistry("index.docker.io")).isEqualTo("docker.io");
        assertThat(ImageRepository.canonicalRegistry("GHCR.io")).isEqualTo("ghcr.io");
    }
}
