package dev.plumbline.renderer.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * Builds artifacts as the git-watcher serves them: a gzip-compressed tar of a commit's tree, names relative to the
 * repository root without {@code ./}, no folder entries, files 0644 (0755 when executable), symlinks as entries.
 */
public final class Tarballs {

    private final Map<String, byte[]> files = new LinkedHashMap<>();
    private final Map<String, String> symlinks = new LinkedHashMap<>();
    /** Every entry in the order given: a link may have to come before the entries written through it. */
    private final List<Entry> order = new ArrayList<>();

    private record Entry(String name, boolean link) {}

    /** The files of a folder under {@code src/test/resources}, such as {@code testdata/repo}. */
    public static Tarballs ofResource(String folder) {
        return new Tarballs().addTree(resource(folder), "");
    }

    public static Path resource(String folder) {
        URL url = Tarballs.class.getClassLoader().getResource(folder);
        if (url == null) {
            throw new IllegalArgumentException("no test resource " + folder);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** Adds every file under {@code folder}, named {@code prefix} + its path inside the folder. */
    public Tarballs addTree(Path folder, String prefix) {
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path file : (Iterable<Path>) walk.filter(Files::isRegularFile).sorted()::iterator) {
                add(files, prefix + folder.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    public Tarballs file(String name, String content) {
        add(files, name, content.getBytes(StandardCharsets.UTF_8));
        return this;
    }

    public Tarballs symlink(String name, String target) {
        add(symlinks, name, target);
        return this;
    }

    public Tarballs without(String name) {
        files.remove(name);
        order.remove(new Entry(name, false));
        return this;
    }

    private <T> void add(Map<String, T> entries, String name, T value) {
        if (entries.put(name, value) == null) {
            order.add(new Entry(name, entries == symlinks));
        }
    }

    public List<String> names() {
        return List.copyOf(files.keySet());
    }

    public byte[] bytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GZIPOutputStream(out))) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            for (Entry next : order) {
                String name = next.name();
                if (!next.link()) {
                    byte[] content = files.get(name);
                    TarArchiveEntry entry = new TarArchiveEntry(name);
                    entry.setSize(content.length);
                    entry.setMode(name.endsWith(".sh") ? 0100755 : 0100644);
                    tar.putArchiveEntry(entry);
                    tar.write(content);
                } else {
                    TarArchiveEntry entry = new TarArchiveEntry(name, TarArchiveEntry.LF_SYMLINK);
                    entry.setLinkName(symlinks.get(name));
                    tar.putArchiveEntry(entry);
                }
                tar.closeArchiveEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
