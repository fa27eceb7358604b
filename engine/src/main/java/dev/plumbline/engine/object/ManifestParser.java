package dev.plumbline.engine.object;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.plumbline.events.manifest.ObjectIdentity;
import dev.plumbline.events.manifest.RenderedObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Reads manifest text, YAML or JSON, one or many documents, into objects with their identity. {@code kind: List}
 * documents (what {@code kubectl get -o yaml} writes) and top-level JSON arrays give their items. Empty documents
 * are skipped. Duplicate keys and duplicate objects are errors, because which one Kubernetes would keep is not what
 * the author meant.
 */
public final class ManifestParser {

    /** Large enough for rendered CRD bundles; SnakeYAML's default (3 MB) is not. */
    private static final int MAX_TEXT_CODE_POINTS = 256 * 1024 * 1024;

    private final ObjectMapper mapper;
    private final YAMLFactory yaml;

    public ManifestParser() {
        LoaderOptions loaderOptions = new LoaderOptions();
        loaderOptions.setCodePointLimit(MAX_TEXT_CODE_POINTS);
        yaml = YAMLFactory.builder().loaderOptions(loaderOptions).build();
        yaml.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper = new ObjectMapper(yaml);
    }

    /**
     * @param text       the manifest text
     * @param sourcePath the file it came from, carried into every object and every error message; may be null
     * @throws ManifestParseException naming the document and line of the first problem
     */
    public List<RenderedObject> parse(String text, String sourcePath) {
        List<RenderedObject> objects = new ArrayList<>();
        Map<ObjectKey, Integer> seenIn = new HashMap<>();
        int documentIndex = 0;
        int line = 0;
        try (JsonParser parser = yaml.createParser(text)) {
            while (true) {
                documentIndex++;
                JsonToken token = parser.nextToken();
                if (token == null) {
                    break;
                }
                line = parser.currentTokenLocation().getLineNr();
                JsonNode document = mapper.readTree(parser);
                for (JsonNode body : itemsOf(document)) {
                    RenderedObject object = toObject(body, sourcePath, documentIndex, line);
                    Integer earlier = seenIn.putIfAbsent(ObjectKey.of(object.identity()), documentIndex);
                    if (earlier != null) {
                        throw new ManifestParseException(
                                sourcePath,
                                documentIndex,
                                line,
                                "repeats " + object.identity() + " of document " + earlier,
                                null);
                    }
                    objects.add(object);
                }
            }
        } catch (JsonProcessingException malformed) {
            int at = malformed.getLocation() == null
                    ? line
                    : malformed.getLocation().getLineNr();
            throw new ManifestParseException(sourcePath, documentIndex, at, malformed.getOriginalMessage(), malformed);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return objects;
    }

    private static List<JsonNode> itemsOf(JsonNode document) {
        List<JsonNode> items = new ArrayList<>();
        // an empty or comment-only document reads as null or as an empty scalar
        if (document == null
                || document.isNull()
                || document.isMissingNode()
                || document.isTextual() && document.asText().isBlank()) {
            return items;
        }
        if (document.isArray()) {
            document.forEach(items::add);
        } else if (isList(document)) {
            document.path("items").forEach(items::add);
        } else {
            items.add(document);
        }
        return items;
    }

    /** {@code kind: List}, {@code DeploymentList}, ...: a wrapper with items and no name of its own. */
    private static boolean isList(JsonNode document) {
        return document.path("kind").asText().endsWith("List")
                && document.path("items").isArray()
                && document.path("metadata").path("name").isMissingNode();
    }

    private static RenderedObject toObject(JsonNode body, String sourcePath, int documentIndex, int line) {
        try {
            ObjectIdentity identity = ObjectIdentityReader.identityOf(body);
            return new RenderedObject(identity, (ObjectNode) body, sourcePath);
        } catch (InvalidObjectException invalid) {
            throw new ManifestParseException(sourcePath, documentIndex, line, invalid.getMessage(), invalid);
        }
    }
}
