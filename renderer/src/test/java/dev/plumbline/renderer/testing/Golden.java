package dev.plumbline.renderer.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.plumbline.events.ManifestsRendered;
import dev.plumbline.events.manifest.RenderedObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden files of rendered sets, {@code src/test/resources/testdata/<case>-desired.yaml}: the digest and every
 * object with its identity and source file, in the published order. Run with {@code -Dgolden.update=true} to write
 * them anew, then read the diff before committing it.
 */
public final class Golden {

    private static final YAMLMapper YAML = YAMLMapper.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .build();
    private static final Path FOLDER = Path.of("src", "test", "resources", "testdata");

    private Golden() {}

    public static String yaml(ManifestsRendered rendered) {
        ObjectNode root = YAML.createObjectNode();
        root.put("renderer", rendered.renderer().label()).put("digest", rendered.digest());
        ArrayNode objects = root.putArray("objects");
        for (RenderedObject object : rendered.objects()) {
            ObjectNode entry =
                    objects.addObject().put("identity", object.identity().toString());
            if (object.sourcePath() != null) {
                entry.put("source", object.sourcePath());
            }
            entry.set("object", object.body());
        }
        try {
            return YAML.writeValueAsString(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void assertMatches(String goldenCase, ManifestsRendered rendered) {
        Path file = FOLDER.resolve(goldenCase + "-desired.yaml");
        String actual = yaml(rendered);
        try {
            if (Boolean.getBoolean("golden.update") || !Files.exists(file)) {
                Files.writeString(file, actual, StandardCharsets.UTF_8);
            }
            assertThat(actual)
                    .as("rendered set of %s against %s", goldenCase, file)
                    .isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
