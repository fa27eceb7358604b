package dev.plumbline.engine.order;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plumbline.engine.object.ObjectIdentityReader;
import dev.plumbline.engine.object.ObjectMetadata;

/** The annotation {@value #ANNOTATION}: an integer, negative allowed, 0 when absent. Lower waves apply first. */
public final class SyncWave {

    public static final String ANNOTATION = "plumbline.dev/sync-wave";

    private SyncWave() {}

    /** @throws InvalidSyncWaveException naming the object and the value when it is not an integer */
    public static int of(JsonNode body) {
        String value =
                ObjectMetadata.annotation(body, ANNOTATION).map(String::trim).orElse("");
        if (value.isEmpty()) {
            return 0;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException notAnInteger) {
            throw new InvalidSyncWaveException(ObjectIdentityReader.identityOf(body) + ": annotation " + ANNOTATION
                    + " must be an integer such as -1, 0 or 5, got \"" + value + "\"");
        }
    }
}
