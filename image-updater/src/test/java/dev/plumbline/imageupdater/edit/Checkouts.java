package dev.plumbline.imageupdater.edit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Config-repository checkouts for the editor's tests, from the golden files under testdata/edit. */
final class Checkouts {

    static final String WEB = "127.0.0.1:5000/shop/web";
    static final String OLD_DIGEST = "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
    static final String NEW_DIGEST = "sha256:fedcba9876543210fedcba9876543210fedcba9876543210fedcba9876543210";
    static final String APP_PATH = "apps/web";

    private Checkouts() {}

    static String golden(String name) {
        try (InputStream in = Checkouts.class.getResourceAsStream("/testdata/edit/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no golden file testdata/edit/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes {@code text} to {@code file} (relative to the checkout), creating folders. */
    static Path write(Path checkout, String file, String text) {
        try {
            Path path = checkout.resolve(file);
            Files.createDirectories(path.getParent());
            return Files.writeString(path, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The name a case's file has in the app's folder: its kind decides how it is read. */
    static String fileNameFor(String caseName) {
        if (caseName.startsWith("kustomize-")) {
            return "kustomization.yaml";
        }
        return caseName.startsWith("helm-") ? "values.yaml" : "manifests.yaml";
    }
}
