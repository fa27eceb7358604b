package dev.plumbline.imageupdater.promote;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.patch.FileHeader;
import org.eclipse.jgit.patch.Patch;

/**
 * A unified diff exported from drift, checked before it touches a checkout: it must parse, change at least one file,
 * and change only files under the app's path, named without {@code ..}, absolute paths or backslashes.
 */
public final class DriftPatch {

    private DriftPatch() {}

    /**
     * The repository-relative files the patch changes.
     *
     * @throws IllegalArgumentException naming the problem when the patch may not be applied
     */
    public static List<String> files(String patch, String appPath) {
        if (patch == null || patch.isBlank()) {
            throw new IllegalArgumentException("the patch is empty; send the unified diff of plumb drift export");
        }
        Patch parsed = new Patch();
        try {
            parsed.parse(new ByteArrayInputStream(patch.getBytes(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!parsed.getErrors().isEmpty()) {
            throw new IllegalArgumentException("the patch is not a unified diff: "
                    + parsed.getErrors().get(0).getMessage());
        }
        if (parsed.getFiles().isEmpty()) {
            throw new IllegalArgumentException("the patch changes no file");
        }
        String prefix = appPath == null || appPath.isEmpty() ? "" : trimSlashes(appPath) + "/";
        Set<String> files = new LinkedHashSet<>();
        for (FileHeader file : parsed.getFiles()) {
            for (String path : paths(file)) {
                String problem = problem(path, prefix);
                if (problem != null) {
                    throw new IllegalArgumentException("the patch changes " + path + ", which " + problem
                            + "; a drift export may only change the app's own files under "
                            + (prefix.isEmpty() ? "the repository" : prefix));
                }
                files.add(path);
            }
        }
        return List.copyOf(files);
    }

    private static List<String> paths(FileHeader file) {
        List<String> paths = new ArrayList<>();
        if (file.getChangeType() != DiffEntry.ChangeType.ADD) {
            paths.add(file.getOldPath());
        }
        if (file.getChangeType() != DiffEntry.ChangeType.DELETE) {
            paths.add(file.getNewPath());
        }
        return paths.stream().distinct().toList();
    }

    private static String problem(String path, String prefix) {
        if (path == null || path.isEmpty() || path.equals(DiffEntry.DEV_NULL)) {
            return "names no file";
        }
        if (path.startsWith("/") || path.contains("\\") || path.matches("^[A-Za-z]:.*")) {
            return "is not a relative path";
        }
        for (String segment : path.split("/")) {
            if (segment.equals("..") || segment.equals(".") || segment.equals(".git")) {
                return "leaves the checkout or reaches into .git";
            }
        }
        if (!path.startsWith(prefix)) {
            return "is outside the app's path";
        }
        return null;
    }

    private static String trimSlashes(String path) {
        String trimmed = path;
        while (trimmed.startsWith("/")) {
            trimmed = trimmed.substring(1);
        }
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return trimmed;
    }
}
