package dev.plumbline.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@code ./mvnw -Pfast} runs the tests that are not tagged {@code slow} or {@code system}; a test that starts a
 * Quarkus application or a broker and forgets the tag makes the fast layer slow without anyone noticing. Test classes
 * are not on this module's class path, so their sources are read.
 */
class SlowTestTagsTest {

    /** What makes a test class slow: a Quarkus application or the shared Kafka broker started for it. */
    private static final Pattern STARTS_SOMETHING_SLOW = Pattern.compile(
            "^@(QuarkusTest|QuarkusIntegrationTest|(QuarkusTestResource|WithTestResource)\\((value = )?EmbeddedKafkaResource)",
            Pattern.MULTILINE);

    private static final Pattern TAGGED = Pattern.compile("^@Tag\\(\"(slow|system)\"\\)", Pattern.MULTILINE);

    @Test
    void everyTestClassThatStartsQuarkusOrTheBrokerIsTaggedSlow() {
        List<Path> untagged = testSources(Path.of(".."))
                .filter(file -> {
                    String source = read(file);
                    return STARTS_SOMETHING_SLOW.matcher(source).find()
                            && !TAGGED.matcher(source).find();
                })
                .toList();

        assertThat(untagged)
                .as("test classes that start Quarkus or the broker without @Tag(\"slow\")")
                .isEmpty();
    }

    @Test
    void theCheckFindsAnUntaggedQuarkusTest() {
        String untagged = "@QuarkusTest\nclass ReconcilerServiceTest {\n}\n";
        String tagged = "@QuarkusTest\n@Tag(\"slow\")\nclass ReconcilerServiceTest {\n}\n";

        assertThat(STARTS_SOMETHING_SLOW.matcher(untagged).find()
                        && !TAGGED.matcher(untagged).find())
                .isTrue();
        assertThat(STARTS_SOMETHING_SLOW.matcher(tagged).find()
                        && !TAGGED.matcher(tagged).find())
                .isFalse();
    }

    private static Stream<Path> testSources(Path root) {
        try (Stream<Path> modules = Files.list(root)) {
            List<Path> testFolders = modules.map(module -> module.resolve("src/test/java"))
                    .filter(Files::isDirectory)
                    .toList();
            assertThat(testFolders)
                    .as("test source folders under %s", root.toAbsolutePath())
                    .isNotEmpty();
            return testFolders.stream().flatMap(SlowTestTagsTest::javaFiles);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Stream<Path> javaFiles(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(file -> file.toString().endsWith(".java")).toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
