package dev.plumbline.events.project;

import java.util.List;

/**
 * The namespaced kinds a project's Applications may manage.
 *
 * @param allow kinds allowed; empty: every kind not denied
 * @param deny  kinds refused even when allowed
 */
public record NamespaceResources(List<KindPattern> allow, List<KindPattern> deny) {

    /** Every namespaced kind. */
    public static final NamespaceResources ANY = new NamespaceResources(List.of(), List.of());

    public NamespaceResources {
        allow = allow == null ? List.of() : List.copyOf(allow);
        deny = deny == null ? List.of() : List.copyOf(deny);
    }
}
