package dev.plumbline.renderer.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.plumbline.events.ApplicationSpec;
import dev.plumbline.events.vocabulary.RenderFailureReason;
import dev.plumbline.events.vocabulary.RendererKind;
import dev.plumbline.renderer.failure.RenderFailure;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * The cache key of a render: a sha256 over everything that decides its output and nothing else (the commit SHA
 * is not in it), namely the renderer, the Application's name and destination namespace (written into the
 * objects), its source options, for a Helm chart the {@code .Capabilities} it sees (so the cluster's version or
 * API versions changing renders it again, and an unchanged cluster does not), and the name and content of every
 * file under its inputs.
 */
public final class InputDigest {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    private InputDigest() {}

    public static String of(RendererKind renderer, ApplicationSpec spec, InputSet inputs, Path root) {
        MessageDigest sha256 = sha256();
        try {
            update(sha256, renderer.name());
            update(sha256, spec.app());
            update(sha256, spec.destination().namespace());
            // repoUrl and targetRevision only say where the files came from; the files themselves are hashed below
            update(
                    sha256,
                    JSON.writeValueAsString(List.of(
                            spec.sourceSpec().path(),
                            String.valueOf(spec.sourceSpec().renderer()),
                            JSON.writeValueAsString(spec.sourceSpec().helm()),
                            JSON.writeValueAsString(spec.sourceSpec().kustomize()),
                            JSON.writeValueAsString(spec.sourceSpec().directory()))));
            if (renderer == RendererKind.HELM) {
                update(sha256, JSON.writeValueAsString(HelmCapabilities.of(spec)));
            }
            for (String input : inputs.paths()) {
                Path top = input.isEmpty() ? root : root.resolve(input);
                try (Stream<Path> files = Files.walk(top)) {
                    for (Path file :
                            (Iterable<Path>) files.filter(Files::isRegularFile).sorted()::iterator) {
                        update(sha256, root.relativize(file).toString());
                        hashContent(sha256, file);
                    }
                }
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("options always serialize", e);
        } catch (IOException e) {
            throw new RenderFailure(
                    RenderFailureReason.INTERNAL_ERROR, "cannot read the Application's files: " + e.getMessage());
        }
        return HexFormat.of().formatHex(sha256.digest());
    }

    private static void hashContent(MessageDigest sha256, Path file) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha256)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        sha256.update((byte) 0);
    }

    private static void update(MessageDigest sha256, String text) {
        sha256.update(text.getBytes(StandardCharsets.UTF_8));
        sha256.update((byte) 0);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
