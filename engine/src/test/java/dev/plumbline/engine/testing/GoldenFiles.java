package dev.plumbline.engine.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.plumbline.engine.object.ManifestParser;
import dev.plumbline.events.application.IgnoreDifference;
import dev.plumbline.events.manifest.RenderedObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads the golden files under {@code src/test/resources/testdata}: {@code <case>-desired.yaml} and friends. */
public final class GoldenFiles {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ManifestParser PARSER = new ManifestParser();

    private GoldenFiles() {}

    public static List<RenderedObject> desired(String testCase) {
        return PARSER.parse(text(testCase + "-desired.yaml").orElseThrow(), testCase + "-desired.yaml");
    }

    /** The live objects as the cluster would give them; empty when the case has no live file. */
    public static List<JsonNode> live(String testCase) {
        return text(testCase + "-live.yaml")
                .map(text -> PARSER.parse(text, testCase + "-live.yaml").stream()
                        .map(object -> (JsonNode) object.body())
                        .toList())
                .orElse(List.of());
    }

    public static JsonNode expected(String testCase) {
        return yaml(text(testCase + "-expected.yaml")
                .orElseThrow(() -> new IllegalStateException("no golden file " + testCase + "-expected.yaml")));
    }

    public static List<IgnoreDifference> ignoreRules(String testCase) {
        List<IgnoreDifference> rules = new ArrayList<>();
        text(testCase + "-ignore.yaml")
                .map(GoldenFiles::yaml)
                .ifPresent(list -> list.forEach(rule -> {
                    try {
                        rules.add(YAML.treeToValue(rule, IgnoreDifference.class));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }));
        return rules;
    }

    public static JsonNode yaml(String text) {
        try {
            return YAML.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Optional<String> text(String file) {
        try (InputStream in = GoldenFiles.class.getResourceAsStream("/testdata/" + file)) {
            return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
