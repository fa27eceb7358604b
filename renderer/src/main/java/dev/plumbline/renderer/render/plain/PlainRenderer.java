package dev.plumbline.renderer.render.plain;

import dev.plumbline.events.application.DirectoryOptions;
import dev.plumbline.events.vocabulary.RenderFailureReason;
import dev.plumbline.events.vocabulary.RendererKind;
import dev.plumbline.renderer.failure.RenderFailure;
import dev.plumbline.renderer.render.InputSet;
import dev.plumbline.renderer.render.ManifestParser;
import dev.plumbline.renderer.render.RenderRequest;
import dev.plumbline.renderer.render.RenderSizeCap;
import dev.plumbline.renderer.render.Renderer;
import dev.plumbline.renderer.render.SourceObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Plain manifests: every {@code .yaml}, {@code .yml} and {@code .json} file of the folder (and, by default, of its
 * sub-folders), several documents per file, {@code List} kinds flattened; other files are ignored. Files are read
 * in path order so that the messages about them are stable.
 */
public final class PlainRenderer implements Renderer {

    private final long maxBytes;

    /** @param maxBytes the most an Application's manifest files may add up to ({@code plumbline.render.max-bytes}) */
    public PlainRenderer(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    public RendererKind kind() {
        return RendererKind.PLAIN;
    }

    @Override
    public InputSet inputs(RenderRequest request) {
        return InputSet.of(List.of(request.path()));
    }

    @Override
    public List<SourceObject> render(RenderRequest request) {
        DirectoryOptions options = request.source().directory() == null
                ? DirectoryOptions.defaults()
                : request.source().directory();
        List<Path> files = manifestFiles(request.appDir(), options);
        RenderSizeCap.check(totalSize(files), maxBytes, "the manifest files under " + displayed(request.path()));
        List<SourceObject> objects = new ArrayList<>();
        for (Path file : files) {
            String repositoryPath = request.tree().repositoryPath(file);
            objects.addAll(ManifestParser.parse(read(file, repositoryPath), repositoryPath, repositoryPath, null));
        }
        return objects;
    }

    /** The manifest files the options select, sorted by path. */
    static List<Path> manifestFiles(Path folder, DirectoryOptions options) {
        PathMatcher include = matcher(options.include());
        PathMatcher exclude = matcher(options.exclude());
        int depth = Boolean.TRUE.equals(options.recurse()) ? Integer.MAX_VALUE : 1;
        try (Stream<Path> walk = Files.walk(folder, depth)) {
            return walk.filter(Files::isRegularFile)
                    .filter(PlainRenderer::isManifest)
                    .filter(file -> include == null || matches(include, folder, file))
                    .filter(file -> exclude == null || !matches(exclude, folder, file))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new RenderFailure(
                    RenderFailureReason.INTERNAL_ERROR, "cannot list " + folder + ": " + e.getMessage());
        }
    }

    /** Judged before anything is read: a folder of huge files costs a listing, not the heap. */
    private static long totalSize(List<Path> files) {
        long total = 0;
        for (Path file : files) {
            try {
                total += Files.size(file);
            } catch (IOException e) {
                throw new RenderFailure(
                        RenderFailureReason.INTERNAL_ERROR, "cannot read the size of " + file + ": " + e.getMessage());
            }
        }
        return total;
    }

    private static String displayed(String path) {
        return path.isEmpty() ? "the repository root" : path;
    }

    private static boolean isManifest(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json");
    }

    /** A glob such as {@code *.yaml} matches a file name anywhere; one with {@code /} the path in the folder. */
    private static boolean matches(PathMatcher matcher, Path folder, Path file) {
        return matcher.matches(file.getFileName()) || matcher.matches(folder.relativize(file));
    }

    private static PathMatcher matcher(String glob) {
        return glob == null || glob.isBlank() ? null : FileSystems.getDefault().getPathMatcher("glob:" + glob);
    }

    private static String read(Path file, String repositoryPath) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new RenderFailure(
                    RenderFailureReason.INVALID_MANIFEST,
                    repositoryPath + ": cannot be read as UTF-8 text (" + e.getMessage() + ")",
                    repositoryPath,
                    null);
        }
    }
}
