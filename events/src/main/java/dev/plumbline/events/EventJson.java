package dev.plumbline.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The one JSON form of Plumbline events. Writing puts the {@code type} discriminator first; reading checks the type
 * and schema version before binding, so an event this code cannot understand is refused with a message that names
 * the type, the version found and the versions supported. Fields it does not know are ignored, which lets a newer
 * writer add fields without breaking older readers.
 */
public final class EventJson {

    static final String TYPE_FIELD = "type";
    static final String SCHEMA_VERSION_FIELD = "schemaVersion";

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            // ISO-8601 text for Instant and Duration, not epoch numbers
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            // forward compatibility: a newer writer may add fields
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            // deterministic output: maps in key order, so equal events are equal bytes
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            // absent rather than null: smaller records, and a reader defaults what is missing anyway
            .defaultPropertyInclusion(
                    JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL))
            .build();

    private static final ObjectWriter CANONICAL = MAPPER.writer().with(JsonNodeFeature.WRITE_PROPERTIES_SORTED);

    private EventJson() {}

    public static byte[] write(PlumblineEvent event) {
        try {
            return MAPPER.writeValueAsBytes(event);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(
                    "cannot write " + event.type().typeName() + " " + event.eventId() + " as JSON: "
                            + e.getOriginalMessage(),
                    e);
        }
    }

    /**
     * Reads any Plumbline event.
     *
     * @throws UnsupportedEventException for an unknown type or a schema version newer than this code supports
     * @throws EventReadException        for bytes that are not a well-formed event
     */
    public static PlumblineEvent read(byte[] json) {
        ObjectNode tree = parseObject(json);
        EventType type = typeOf(tree);
        try {
            return MAPPER.treeToValue(tree, type.eventClass());
        } catch (JsonMappingException e) {
            throw new EventReadException(
                    "Cannot read " + type.typeName() + " event (schema version "
                            + tree.path(SCHEMA_VERSION_FIELD).asInt() + "): " + describe(e),
                    e);
        } catch (JsonProcessingException e) {
            throw new EventReadException("Cannot read " + type.typeName() + " event: " + e.getOriginalMessage(), e);
        }
    }

    /** Reads an event that must be of one type, for consumers of a topic that carries only that type. */
    public static <T extends PlumblineEvent> T read(byte[] json, Class<T> expected) {
        PlumblineEvent event = read(json);
        if (!expected.isInstance(event)) {
            throw new EventReadException("Expected a " + expected.getSimpleName() + " event but read "
                    + event.type().typeName() + " " + event.eventId());
        }
        return expected.cast(event);
    }

    static ObjectNode tree(PlumblineEvent event) {
        return MAPPER.valueToTree(event);
    }

    /** Any value of an event (a source spec, a destination) as its JSON tree. */
    static JsonNode valueTree(Object value) {
        return MAPPER.valueToTree(value);
    }

    static byte[] canonicalBytes(JsonNode node) {
        try {
            return CANONICAL.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serializes", e);
        }
    }

    private static ObjectNode parseObject(byte[] json) {
        JsonNode node;
        try {
            node = MAPPER.readTree(json);
        } catch (IOException e) {
            throw new EventReadException(
                    "Cannot read event: not valid JSON ("
                            + (e instanceof JsonProcessingException jpe ? jpe.getOriginalMessage() : e.getMessage())
                            + ")",
                    e);
        }
        if (!(node instanceof ObjectNode object)) {
            throw new EventReadException("Cannot read event: expected a JSON object, found "
                    + (node == null ? "nothing" : node.getNodeType().toString().toLowerCase()));
        }
        return object;
    }

    private static EventType typeOf(ObjectNode tree) {
        JsonNode typeNode = tree.get(TYPE_FIELD);
        if (typeNode == null || !typeNode.isTextual()) {
            throw new EventReadException("Cannot read event: it has no '" + TYPE_FIELD + "' field naming its type");
        }
        String typeName = typeNode.asText();
        JsonNode versionNode = tree.get(SCHEMA_VERSION_FIELD);
        if (versionNode == null || !versionNode.canConvertToInt() || !versionNode.isIntegralNumber()) {
            throw new EventReadException(
                    "Cannot read " + typeName + " event: it has no integer '" + SCHEMA_VERSION_FIELD + "' field");
        }
        int version = versionNode.intValue();
        EventType type = EventType.fromTypeName(typeName)
                .orElseThrow(() -> new UnsupportedEventException(
                        "Cannot read event of unknown type '" + typeName + "' (schema version " + version
                                + "); this reader knows " + knownTypes() + ". A newer Plumbline may have written it: "
                                + "upgrade this service.",
                        typeName,
                        version));
        if (!type.reads(version)) {
            throw new UnsupportedEventException(
                    "Cannot read " + typeName + " event with schema version " + version
                            + "; this reader supports schema version " + type.supportedVersions()
                            + (version > type.schemaVersion()
                                    ? ". A newer Plumbline wrote it: upgrade this service."
                                    : "."),
                    typeName,
                    version);
        }
        return type;
    }

    private static String knownTypes() {
        return Arrays.stream(EventType.values()).map(EventType::typeName).collect(Collectors.joining(", "));
    }

    /** Where in the event and why, without the library's class names and source locations. */
    private static String describe(JsonMappingException e) {
        String path = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? "." + ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining())
                .replaceFirst("^\\.", "");
        Throwable cause = e.getCause();
        String reason;
        if (cause instanceof NullPointerException missing && missing.getMessage() != null) {
            // the records' constructors name a missing required field in the exception's message
            reason = "required field '" + missing.getMessage() + "' is missing";
        } else if (cause != null && cause.getMessage() != null) {
            reason = cause.getMessage();
        } else {
            reason = e.getOriginalMessage();
        }
        return (path.isEmpty() ? "" : "at " + path + ": ") + reason;
    }
}
