package dev.plumbline.sandbox.kube;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A Kubernetes protobuf message as the JSON Kubernetes writes for it. Proto field names are the JSON names;
 * the apimachinery wrapper types have JSON forms of their own: {@code Time} is an RFC 3339 string,
 * {@code IntOrString} a number or a string, {@code Quantity} a string, {@code RawExtension} and
 * {@code FieldsV1} the JSON they carry, bytes base64. Kubernetes writes the fields of plain (non-pointer)
 * Go fields into protobuf even when empty, where its JSON omits them; so empty strings, and zeros and
 * {@code false} outside the pointer fields where they mean something, are left out.
 */
final class ProtobufJson {

    private static final String META = "k8s.io.apimachinery.pkg.apis.meta.v1.";

    /** Pointer fields of the built-in types where 0 or false is a choice, not an absence. */
    private static final Set<String> MEANINGFUL_ZEROS = Set.of(
            "replicas",
            "automountServiceAccountToken",
            "immutable",
            "suspend",
            "optional",
            "readOnly",
            "runAsNonRoot",
            "runAsUser",
            "runAsGroup",
            "privileged",
            "allowPrivilegeEscalation",
            "readOnlyRootFilesystem",
            "enableServiceLinks",
            "hostUsers",
            "backoffLimit",
            "parallelism",
            "completions",
            "ttlSecondsAfterFinished",
            "revisionHistoryLimit",
            "successfulJobsHistoryLimit",
            "failedJobsHistoryLimit",
            "terminationGracePeriodSeconds",
            "activeDeadlineSeconds",
            "startingDeadlineSeconds",
            "progressDeadlineSeconds",
            "fsGroup",
            "defaultMode",
            "mode",
            "allocateLoadBalancerNodePorts",
            "publishNotReadyAddresses");

    private ProtobufJson() {}

    static ObjectNode object(Message message) {
        ObjectNode object = JsonNodeFactory.instance.objectNode();
        for (Map.Entry<FieldDescriptor, Object> entry : message.getAllFields().entrySet()) {
            FieldDescriptor field = entry.getKey();
            String name = field.getName();
            if (field.isMapField()) {
                ObjectNode map = object.putObject(name);
                for (Object item : (List<?>) entry.getValue()) {
                    Message pair = (Message) item;
                    FieldDescriptor key = pair.getDescriptorForType().findFieldByName("key");
                    FieldDescriptor value = pair.getDescriptorForType().findFieldByName("value");
                    map.set(String.valueOf(pair.getField(key)), single(value, pair.getField(value)));
                }
            } else if (field.isRepeated()) {
                ArrayNode array = object.putArray(name);
                ((List<?>) entry.getValue()).forEach(item -> array.add(single(field, item)));
            } else {
                JsonNode value = single(field, entry.getValue());
                if (!omitted(field, value)) {
                    object.set(name, value);
                }
            }
        }
        return object;
    }

    private static boolean omitted(FieldDescriptor field, JsonNode value) {
        if (value.isNull() || (value.isTextual() && value.asText().isEmpty())) {
            return true;
        }
        boolean scalar = field.getJavaType() != FieldDescriptor.JavaType.MESSAGE;
        boolean zero = (value.isNumber() && value.asDouble() == 0) || (value.isBoolean() && !value.asBoolean());
        return scalar && zero && !MEANINGFUL_ZEROS.contains(field.getName());
    }

    private static JsonNode single(FieldDescriptor field, Object value) {
        JsonNodeFactory json = JsonNodeFactory.instance;
        return switch (field.getJavaType()) {
            case MESSAGE -> message((Message) value);
            case BYTE_STRING -> json.textNode(Base64.getEncoder().encodeToString(((ByteString) value).toByteArray()));
            case STRING -> json.textNode((String) value);
            case BOOLEAN -> json.booleanNode((Boolean) value);
            case INT -> json.numberNode((Integer) value);
            case LONG -> json.numberNode((Long) value);
            case FLOAT -> json.numberNode((Float) value);
            case DOUBLE -> json.numberNode((Double) value);
            case ENUM -> json.textNode(value.toString());
        };
    }

    private static JsonNode message(Message message) {
        JsonNodeFactory json = JsonNodeFactory.instance;
        String type = message.getDescriptorForType().getFullName();
        return switch (type) {
            case META + "Time" -> time(message, false);
            case META + "MicroTime" -> time(message, true);
            case META + "Duration" -> json.textNode(goDuration(longField(message, "duration")));
            case META + "FieldsV1", "k8s.io.apimachinery.pkg.runtime.RawExtension" -> embeddedJson(message);
            case "k8s.io.apimachinery.pkg.api.resource.Quantity" -> json.textNode(stringField(message, "string"));
            case "k8s.io.apimachinery.pkg.util.intstr.IntOrString" ->
                longField(message, "type") == 1
                        ? json.textNode(stringField(message, "strVal"))
                        : json.numberNode(longField(message, "intVal"));
            default -> object(message);
        };
    }

    /** A zero Time is Go's zero value, which Kubernetes writes as null. */
    private static JsonNode time(Message message, boolean micro) {
        long seconds = longField(message, "seconds");
        long nanos = longField(message, "nanos");
        if (seconds == 0 && nanos == 0) {
            return JsonNodeFactory.instance.nullNode();
        }
        Instant instant = Instant.ofEpochSecond(seconds, nanos);
        String text = micro
                ? DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSX")
                        .withZone(java.time.ZoneOffset.UTC)
                        .format(instant.truncatedTo(ChronoUnit.MICROS))
                : instant.truncatedTo(ChronoUnit.SECONDS).toString();
        return JsonNodeFactory.instance.textNode(text);
    }

    private static JsonNode embeddedJson(Message message) {
        FieldDescriptor raw = message.getDescriptorForType().findFieldByName("raw");
        byte[] bytes = raw == null ? new byte[0] : ((ByteString) message.getField(raw)).toByteArray();
        return bytes.length == 0
                ? JsonNodeFactory.instance.nullNode()
                : KubeJson.read(new String(bytes, java.nio.charset.StandardCharsets.UTF_8));
    }

    /** Go's time.Duration text: {@code 1h0m0s}, {@code 1m30s}, {@code 1.5s}, {@code 500ms}, {@code 0s}. */
    static String goDuration(long nanos) {
        if (nanos == 0) {
            return "0s";
        }
        StringBuilder text = new StringBuilder(nanos < 0 ? "-" : "");
        long rest = Math.abs(nanos);
        if (rest < 1_000_000_000L) {
            // below a second Go switches unit: 500ms, 20µs, 7ns
            int scale = rest >= 1_000_000 ? 6 : rest >= 1_000 ? 3 : 0;
            String unit = scale == 6 ? "ms" : scale == 3 ? "µs" : "ns";
            return text.append(
                            BigDecimal.valueOf(rest, scale).stripTrailingZeros().toPlainString())
                    .append(unit)
                    .toString();
        }
        long hours = rest / 3_600_000_000_000L;
        rest -= hours * 3_600_000_000_000L;
        long minutes = rest / 60_000_000_000L;
        rest -= minutes * 60_000_000_000L;
        if (hours > 0) {
            text.append(hours).append('h');
        }
        if (hours > 0 || minutes > 0) {
            text.append(minutes).append('m');
        }
        String seconds = BigDecimal.valueOf(rest, 9).stripTrailingZeros().toPlainString();
        return text.append(seconds).append('s').toString();
    }

    private static long longField(Message message, String name) {
        FieldDescriptor field = message.getDescriptorForType().findFieldByName(name);
        return field == null ? 0 : ((Number) message.getField(field)).longValue();
    }

    private static String stringField(Message message, String name) {
        FieldDescriptor field = message.getDescriptorForType().findFieldByName(name);
        return field == null ? "" : String.valueOf(message.getField(field));
    }
}
