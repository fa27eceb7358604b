package dev.plumbline.imageupdater.edit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The YAML files under an app's path in a checkout, read as text. A symbolic link is followed only while its real
 * path stays inside the checkout (the file is then named by its real path, once however many links reach it); a
 * file over {@link #MAX_BYTES} or not UTF-8 is skipped and named among the skipped with the reason.
 */
final class ConfigFiles {

    static final long MAX_BYTES = 1024 * 1024;

    /** A file to look at: its path relative to the checkout, with {@code /} separators, and its text. */
    record ConfigFile(String path, String text) {

        String name() {
            return path.substring(path.lastIndexOf('/') + 1);
        }
    }

    private final List<ConfigFile> files;
    private final List<String> skipped;

    private ConfigFiles(List<ConfigFile> files, List<String> skipped) {
        this.files = files;
        this.skipped = skipped;
    }

    List<ConfigFile> files() {
        return files;
    }

    /** Files not looked at, each with why, e.g. {@code big.yaml (over 1 MiB)}. */
    List<String> skipped() {
        return skipped;
    }

    static ConfigFiles under(Path checkout, String appPath) {
        try {
            Path root = checkout.toRealPath();
            String relative = appPath == null ? "" : appPath.strip();
            Path start = root.resolve(relative.isEmpty() || relative.equals(".") ? "" : relative)
                    .normalize();
            if (!start.startsWith(root)) {
                throw new ImageEditException("the app's path '" + appPath + "' leaves the repository;"
                        + " set spec.source.path to a folder inside it");
            }
            if (!Files.exists(start)) {
                throw new NoImageReferenceException(
                        "the app's path '" + appPath + "' does not exist in the"
                                + " repository at this revision, so no file names the image",
                        List.of());
            }
            Path realStart = start.toRealPath();
            if (!realStart.startsWith(root)) {
                throw new ImageEditException("the app's path '" + appPath + "' is a link leading out of the"
                        + " repository; Plumbline edits only files inside it");
            }
            return collect(root, realStart);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ConfigFiles collect(Path root, Path start) throws IOException {
        Map<Path, ConfigFile> byRealPath = new LinkedHashMap<>();
        List<String> skipped = new ArrayList<>();
        List<Path> candidates;
        try (Stream<Path> walk = Files.walk(start)) {
            candidates = walk.filter(path -> !isInGitDirectory(root, path))
                    .filter(ConfigFiles::isYamlName)
                    .sorted()
                    .toList();
        }
        for (Path path : candidates) {
            String shown = relative(root, path);
            if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            Path real;
            try {
                real = path.toRealPath();
            } catch (IOException dangling) {
                skipped.add(shown + " (a link to nothing)");
                continue;
            }
            if (!real.startsWith(root)) {
                skipped.add(shown + " (a link leading out of the repository)");
                continue;
            }
            if (!Files.isRegularFile(real) || byRealPath.containsKey(real)) {
                continue;
            }
            if (Files.size(real) > MAX_BYTES) {
                skipped.add(relative(root, real) + " (over 1 MiB)");
                continue;
            }
            String text = utf8(Files.readAllBytes(real));
            if (text == null) {
                skipped.add(relative(root, real) + " (not UTF-8 text)");
                continue;
            }
            byRealPath.put(real, new ConfigFile(relative(root, real), text));
        }
        return new ConfigFiles(List.copyOf(byRealPath.values()), List.copyOf(skipped));
    }

    private static boolean isYamlName(Path path) {
        String name = path.getFileName().toString();
        return name.endsWith(".yaml") || name.endsWith(".yml") || name.equals("Kustomization");
    }

    private static boolean isInGitDirectory(Path root, Path path) {
        for (Path name : root.relativize(path)) {
            if (name.toString().equals(".git")) {
                return true;
            }
        }
        return false;
    }

    private static String relative(Path root, Path path) {
        return root.relativize(path).toString().replace('\\', '/');
    }

    private static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
