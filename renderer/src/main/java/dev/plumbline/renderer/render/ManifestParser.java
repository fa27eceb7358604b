package dev.plumbline.renderer.render;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.plumbline.events.vocabulary.RenderFailureReason;
import dev.plumbline.renderer.failure.RenderFailure;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads Kubernetes objects from YAML or JSON text: several documents per text, {@code List} kinds flattened into
 * their items, empty documents skipped. Anything that is not an object with an {@code apiVersion} and a
 * {@code kind} is an {@link RenderFailureReason#INVALID_MANIFEST} naming the file and line.
 */
public final class ManifestParser {

    /**
     * SnakeYAML refuses texts over 3 MB by default; a rendered app can be far larger (Helm and kustomize output). The
     * render size cap ({@code plumbline.render.max-bytes}, 32 MiB by default) is judged before parsing where it can
     * be; this is the ceiling for a text that cannot be judged before (Helm's output).
     */
    static final int MAX_TEXT_CODE_POINTS = 64 * 1024 * 1024;

    /** Deeper than any Kubernetes object; a document nested deeper is refused before it can exhaust the stack. */
    static final int MAX_NESTING_DEPTH = 1000;

    private static final ObjectMapper YAML = yamlMapper();
    private static final ObjectMapper JSON = jsonMapper();

    private ManifestParser() {}

    /**
     * @param text       the text
     * @param file       the name used in messages (a repository file, or "kustomize output of …")
     * @param sourcePath the repository file to record on each object; null for generated output
     * @param originAt   the origin of the document starting at a line (for Helm, its template); null to use
     *                   {@code file} and the line
     */
    public static List<SourceObject> parse(String text, String file, String sourcePath, IntFunction<String> originAt) {
        ObjectMapper mapper = mapperFor(file);
        try {
            return parse(mapper, mapper.createParser(text), file, sourcePath, originAt);
        } catch (IOException e) {
            throw unreadable(file, sourcePath, e);
        }
    }

    /**
     * The same, read as a stream: documents are parsed one at a time, so the text is never held whole.
     *
     * @param text closed by the caller
     */
    public static List<SourceObject> parse(
            InputStream text, String file, String sourcePath, IntFunction<String> originAt) {
        ObjectMapper mapper = mapperFor(file);
        try {
            return parse(mapper, mapper.createParser(text), file, sourcePath, originAt);
        } catch (IOException e) {
            throw unreadable(file, sourcePath, e);
        }
    }

    private static List<SourceObject> parse(
            ObjectMapper mapper, JsonParser created, String file, String sourcePath, IntFunction<String> originAt) {
        List<SourceObject> objects = new ArrayList<>();
        try (JsonParser parser = mapper == YAML ? new AliasRefusingParser(created) : created) {
            while (parser.nextToken() != null) {
                int line = parser.currentTokenLocation().getLineNr();
                JsonNode document = mapper.readTree(parser);
                if (isEmpty(document)) {
                    continue;
                }
                String origin = originAt == null ? file + " line " + line : originAt.apply(line);
                addObjects(document, file, sourcePath, origin, line, objects);
            }
        } catch (JsonProcessingException e) {
            Integer line = lineOf(e);
            throw new RenderFailure(
                    RenderFailureReason.INVALID_MANIFEST,
                    file + (line == null ? "" : " line " + line) + ": not valid " + (mapper == JSON ? "JSON" : "YAML")
                            + ": " + firstLine(e.getOriginalMessage()),
                    sourcePath,
                    line,
                    e);
        } catch (IOException e) {
            throw unreadable(file, sourcePath, e);
        }
        return objects;
    }

    private static ObjectMapper mapperFor(String file) {
        return file.endsWith(".json") ? JSON : YAML;
    }

    private static RenderFailure unreadable(String file, String sourcePath, IOException e) {
        return new RenderFailure(
                RenderFailureReason.INTERNAL_ERROR, "cannot read " + file + ": " + e.getMessage(), sourcePath, null, e);
    }

    private static void addObjects(
            JsonNode document, String file, String sourcePath, String origin, int line, List<SourceObject> objects) {
        if (!(document instanceof ObjectNode object)) {
            throw invalid(
                    file,
                    sourcePath,
                    line,
                    "the document is a " + document.getNodeType().name().toLowerCase() + ", not a Kubernetes object");
        }
        String kind = object.path("kind").asText("");
        if (object.path("apiVersion").asText("").isEmpty() || kind.isEmpty()) {
            throw invalid(
                    file,
                    sourcePath,
                    line,
                    "the document has no apiVersion or no kind; every Kubernetes object needs both");
        }
        JsonNode items = object.get("items");
        if (kind.endsWith("List") && items != null && items.isArray()) {
            for (JsonNode item : items) {
                addObjects(item, file, sourcePath, origin, line, objects);
            }
            return;
        }
        objects.add(new SourceObject(object, sourcePath, origin, line));
    }

    /** SnakeYAML knows where the problem is; Jackson's location may be where the token it was reading began. */
    private static Integer lineOf(JsonProcessingException e) {
        if (e.getCause() instanceof MarkedYAMLException marked && marked.getProblemMark() != null) {
            return marked.getProblemMark().getLine() + 1;
        }
        JsonLocation location = e.getLocation();
        return location == null || location.getLineNr() < 1 ? null : location.getLineNr();
    }

    /** A document with nothing in it (a trailing {@code ---}, only comments) reads as null or as an empty string. */
    private static boolean isEmpty(JsonNode document) {
        return document == null
                || document.isNull()
                || document.isMissingNode()
                || (document.isTextual() && document.asText().isEmpty());
    }

    private static RenderFailure invalid(String file, String sourcePath, int line, String what) {
        return new RenderFailure(
                RenderFailureReason.INVALID_MANIFEST, file + " line " + line + ": " + what, sourcePath, line);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    private static ObjectMapper yamlMapper() {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(MAX_TEXT_CODE_POINTS);
        YAMLFactory factory = YAMLFactory.builder()
                .loaderOptions(options)
                .streamReadConstraints(depthLimit())
                .build();
        return new ObjectMapper(factory).enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    }

    private static ObjectMapper jsonMapper() {
        JsonFactory factory =
                JsonFactory.builder().streamReadConstraints(depthLimit()).build();
        return new ObjectMapper(factory).enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    }

    private static StreamReadConstraints depthLimit() {
        return StreamReadConstraints.builder()
                .maxNestingDepth(MAX_NESTING_DEPTH)
                .build();
    }
}
