package dev.plumbline.imageupdater.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plumbline.sandbox.registry.ImagePusher;
import dev.plumbline.sandbox.registry.SandboxRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The client against the distribution registry itself (Debian's docker-registry, a child process, hence slow), with
 * images pushed by jib.
 */
@Tag("slow")
class RegistryClientAgainstRegistryTest {

    private static SandboxRegistry registry;
    private final RegistryClient client = new RegistryClient(List.of());

    @BeforeAll
    static void start() {
        registry = SandboxRegistry.builder().start();
    }

    @AfterAll
    static void stop() {
        registry.close();
    }

    @Test
    void listsPushedTagsAndDescribesWhatATagHolds() {
        Instant before = Instant.now().minusSeconds(1);
        ImagePusher pusher = new ImagePusher();
        pusher.push(registry.host() + "/shop/web", "1.2.3", "aaa111", "https://git.example/shop/web");
        String digest = pusher.push(registry.host() + "/shop/web", "1.2.4", "bbb222", "https://git.example/shop/web");
        ImageRepository web = ImageRepository.parse(registry.host() + "/shop/web");

        assertThat(client.tags(web)).containsExactlyInAnyOrder("1.2.3", "1.2.4");
        ImageVersion version = client.describe(web, "1.2.4");
        assertThat(version.digest()).isEqualTo(digest);
        assertThat(version.sourceRevision()).isEqualTo("bbb222");
        assertThat(version.sourceUrl()).isEqualTo("https://git.example/shop/web");
        assertThat(version.created()).isBetween(before, Instant.now().plus(Duration.ofSeconds(1)));
        assertThat(client.describe(web, digest))
                .isEqualTo(new ImageVersion(
                        web, null, digest, version.created(), "bbb222", "https://git.example/shop/web"));
    }

    @Test
    void anUnknownRepositoryIsNamedAndNotRetried() {
        ImageRepository missing = ImageRepository.parse(registry.host() + "/shop/missing");

        assertThatThrownBy(() -> client.tags(missing))
                .isInstanceOf(RegistryException.class)
                .hasMessageStartingWith("registry " + registry.host() + ", repository shop/missing: ")
                .hasMessageContaining("404")
                .satisfies(e -> assertThat(((RegistryException) e).retryable()).isFalse());
    }
}
