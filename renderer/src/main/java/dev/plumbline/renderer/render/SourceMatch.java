package dev.plumbline.renderer.render;

import dev.plumbline.events.ApplicationSpec;
import dev.plumbline.events.application.SourceSpec;
import java.util.Locale;

/**
 * Whether an Application watches the repository and ref of a commit event. Repository URLs match whatever their
 * case of scheme and host, a trailing {@code /} or {@code .git}; an Application's target revision matches the
 * event's full ref ({@code main} is {@code refs/heads/main}, {@code v1.2.0} is {@code refs/tags/v1.2.0}), or the
 * event's ref exactly (a full ref, {@code HEAD}, or the SHA an Application is pinned to).
 */
public final class SourceMatch {

    private SourceMatch() {}

    public static boolean watches(ApplicationSpec spec, String repoUrl, String ref) {
        return watches(spec.sourceSpec(), repoUrl, ref);
    }

    public static boolean watches(SourceSpec source, String repoUrl, String ref) {
        return sameRepository(source.repoUrl(), repoUrl) && sameRef(source.targetRevision(), ref);
    }

    public static boolean sameRepository(String left, String right) {
        return normalize(left).equals(normalize(right));
    }

    public static boolean sameRef(String targetRevision, String ref) {
        return ref.equals(targetRevision)
                || ref.equals("refs/heads/" + targetRevision)
                || ref.equals("refs/tags/" + targetRevision);
    }

    /** The form repository URLs are compared and indexed in. */
    public static String normalize(String repoUrl) {
        String url = repoUrl.trim();
        while (url.endsWith("/")) {
            url = url.substring(0, url.length() - 1);
        }
        if (url.endsWith(".git")) {
            url = url.substring(0, url.length() - 4);
        }
        int schemeEnd = url.indexOf("://");
        if (schemeEnd < 0) {
            return url;
        }
        int hostEnd = url.indexOf('/', schemeEnd + 3);
        String schemeAndHost = hostEnd < 0 ? url : url.substring(0, hostEnd);
        return schemeAndHost.toLowerCase(Locale.ROOT) + (hostEnd < 0 ? "" : url.substring(hostEnd));
    }
}
