package dev.plumbline.sandbox.registry;

import com.google.cloud.tools.jib.api.CacheDirectoryCreationException;
import com.google.cloud.tools.jib.api.Containerizer;
import com.google.cloud.tools.jib.api.InvalidImageReferenceException;
import com.google.cloud.tools.jib.api.Jib;
import com.google.cloud.tools.jib.api.JibContainer;
import com.google.cloud.tools.jib.api.RegistryException;
import com.google.cloud.tools.jib.api.RegistryImage;
import com.google.cloud.tools.jib.api.buildplan.AbsoluteUnixPath;
import com.google.cloud.tools.jib.api.buildplan.FileEntriesLayer;
import com.google.cloud.tools.jib.api.buildplan.ImageFormat;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.concurrent.ExecutionException;
import java.util.stream.Stream;

/**
 * Pushes a tiny OCI image (one layer with one small file) to a registry on loopback over plain HTTP, with jib-core,
 * so tests and the demo need no Docker engine. Each push differs (the file names the tag and revision, the image
 * its creation time), so each has its own digest, and it carries the OCI labels
 * {@code org.opencontainers.image.revision} and {@code org.opencontainers.image.source} that promotions cite.
 */
public final class ImagePusher {

    public static final String REVISION_LABEL = "org.opencontainers.image.revision";
    public static final String SOURCE_LABEL = "org.opencontainers.image.source";

    /**
     * Pushes {@code repository:tag} (for example {@code 127.0.0.1:5000/shop/web} and {@code 1.2.4}) and returns its
     * manifest digest, {@code sha256:...}. {@code revision} and {@code source} may be null to leave a label out.
     */
    public String push(String repository, String tag, String revision, String source) {
        Path work = null;
        try {
            work = Files.createTempDirectory("plumbline-image");
            Path content = work.resolve("image.txt");
            Files.writeString(
                    content,
                    repository + ":" + tag + " revision " + revision + " at " + Instant.now() + "\n",
                    StandardCharsets.UTF_8);
            var image = Jib.fromScratch()
                    .setFormat(ImageFormat.OCI)
                    .setCreationTime(Instant.now())
                    .addFileEntriesLayer(FileEntriesLayer.builder()
                            .addEntry(content, AbsoluteUnixPath.get("/plumbline/image.txt"))
                            .build());
            if (revision != null) {
                image.addLabel(REVISION_LABEL, revision);
            }
            if (source != null) {
                image.addLabel(SOURCE_LABEL, source);
            }
            JibContainer pushed = image.containerize(Containerizer.to(RegistryImage.named(repository + ":" + tag))
                    .setAllowInsecureRegistries(true)
                    .setBaseImageLayersCache(work.resolve("base-cache"))
                    .setApplicationLayersCache(work.resolve("app-cache"))
                    .setToolName("plumbline-sandbox"));
            return pushed.getDigest().toString();
        } catch (InvalidImageReferenceException e) {
            throw new IllegalArgumentException(
                    "'" + repository + ":" + tag + "' is no image reference: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while pushing " + repository + ":" + tag, e);
        } catch (ExecutionException | RegistryException | CacheDirectoryCreationException e) {
            throw new IllegalStateException("pushing " + repository + ":" + tag + " failed: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("pushing " + repository + ":" + tag + " failed: " + e.getMessage(), e);
        } finally {
            deleteTree(work);
        }
    }

    private static void deleteTree(Path root) {
        if (root == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // a temporary folder left behind harms nothing
        }
    }
}
