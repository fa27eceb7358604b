package dev.plumbline.gitwatcher.repo;

import java.util.Collection;

/** Whether an Application's path covers a changed file. */
public final class PathCoverage {

    private PathCoverage() {}

    /** {@code ./apps/web/} and {@code apps/web} are the same folder; {@code .}, {@code /} and empty mean the whole repository. */
    public static String normalize(String path) {
        if (path == null) {
            return "";
        }
        String p = path.trim().replace('\\', '/');
        while (p.startsWith("./")) {
            p = p.substring(2);
        }
        while (p.startsWith("/")) {
            p = p.substring(1);
        }
        while (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return ".".equals(p) ? "" : p;
    }

    /** A file is covered when it is the folder's own path or lies below it ({@code apps/web} does not cover {@code apps/web2}). */
    public static boolean covers(String appPath, String changedPath) {
        String folder = normalize(appPath);
        return folder.isEmpty() || changedPath.equals(folder) || changedPath.startsWith(folder + "/");
    }

    public static boolean coversAny(String appPath, Collection<String> changedPaths) {
        return changedPaths.stream().anyMatch(path -> covers(appPath, path));
    }
}
