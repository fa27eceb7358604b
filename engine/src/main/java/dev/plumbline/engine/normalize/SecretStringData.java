package dev.plumbline.engine.normalize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Folds a Secret's {@code stringData} into {@code data}, base64-encoded, as the API server does on write (a key in
 * both takes the stringData value). A live Secret never has stringData, so without this every desired Secret written
 * with stringData would look changed forever.
 */
public final class SecretStringData {

    private SecretStringData() {}

    public static boolean isSecret(JsonNode body) {
        return "Secret".equals(body.path("kind").asText())
                && body.path("apiVersion").asText("v1").equals("v1");
    }

    /** Folds {@code body} in place; a no-op for anything but a Secret with stringData. */
    public static void fold(ObjectNode body) {
        if (!isSecret(body) || !(body.get("stringData") instanceof ObjectNode stringData)) {
            return;
        }
        ObjectNode data = body.get("data") instanceof ObjectNode existing ? existing : body.putObject("data");
        stringData
                .properties()
                .forEach(entry -> data.put(
                        entry.getKey(),
                        Base64.getEncoder()
                                .encodeToString(entry.getValue().asText().getBytes(StandardCharsets.UTF_8))));
        body.remove("stringData");
    }
}
