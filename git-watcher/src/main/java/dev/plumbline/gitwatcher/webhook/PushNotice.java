package dev.plumbline.gitwatcher.webhook;

import java.util.List;

/**
 * What a verified payload says, and all it is trusted to say: which repository to fetch. The URLs are matched
 * against the watched repositories; the refs are only shown; the commits it lists are never used, the fetch is the
 * truth.
 *
 * @param kind           a push (or a ref created or deleted), a ping, or another event
 * @param repositoryUrls every URL the payload gives for the repository (HTTPS, SSH, web)
 * @param refs           the refs it says moved
 */
public record PushNotice(Kind kind, List<String> repositoryUrls, List<String> refs) {

    public enum Kind {
        PUSH,
        PING,
        OTHER
    }

    public PushNotice {
        repositoryUrls = List.copyOf(repositoryUrls);
        refs = List.copyOf(refs);
    }

    public static PushNotice of(Kind kind) {
        return new PushNotice(kind, List.of(), List.of());
    }
}
