package dev.plumbline.sandbox.kafka;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.metadata.properties.MetaPropertiesEnsemble;
import org.apache.kafka.metadata.storage.Formatter;

/**
 * Formats a KRaft data folder the first time it is used and never again: formatting an existing folder would
 * throw its topics away. The cluster id is written into the folder's {@code meta.properties} by the format.
 */
final class BrokerStorage {

    private BrokerStorage() {}

    static void formatOnce(Path folder, int nodeId, String controllerListener) throws Exception {
        if (Files.exists(folder.resolve(MetaPropertiesEnsemble.META_PROPERTIES_NAME))) {
            return;
        }
        Files.createDirectories(folder);
        new Formatter()
                .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                .setNodeId(nodeId)
                .setClusterId(Uuid.randomUuid().toString())
                .setControllerListenerName(controllerListener)
                .setMetadataLogDirectory(folder.toString())
                .addDirectory(folder.toString())
                .run();
    }
}
