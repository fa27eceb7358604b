package dev.plumbline.reconciler.limits;

import dev.plumbline.events.application.Destination;
import dev.plumbline.events.manifest.GroupKind;
import dev.plumbline.events.manifest.ObjectIdentity;
import dev.plumbline.events.manifest.RenderedObject;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * What an Application may touch: objects in its destination namespace or a namespace its allow-list names, and
 * cluster-scoped objects of kinds its allow-list names. Whoever can merge to the config repository holds the agent's
 * power over the cluster; these limits, set on the Application by whoever may create Applications, bound it.
 * One refused object refuses the whole sync: applying the rest would leave the app half-deployed for a reason
 * someone must fix in Git anyway.
 */
public final class DestinationLimits {

    private static final GroupKind NAMESPACE = new GroupKind("", "Namespace");

    private final Destination destination;
    private final Function<GroupKind, Optional<Boolean>> namespacedKinds;

    /**
     * @param namespacedKinds whether the cluster serves a kind as namespaced; empty when it does not know the kind
     *                        (a custom resource whose CRD comes in the same sync), which is then judged by whether
     *                        the object names a namespace
     */
    public DestinationLimits(Destination destination, Function<GroupKind, Optional<Boolean>> namespacedKinds) {
        this.destination = destination;
        this.namespacedKinds = namespacedKinds;
    }

    /** The refused objects, in the order given; empty when the sync may go ahead. */
    public List<Refusal> check(Collection<RenderedObject> objects) {
        List<Refusal> refusals = new ArrayList<>();
        for (RenderedObject object : objects) {
            reasonToRefuse(object.identity()).ifPresent(reason -> refusals.add(new Refusal(object.identity(), reason)));
        }
        return refusals;
    }

    private Optional<String> reasonToRefuse(ObjectIdentity object) {
        GroupKind kind = object.groupKind();
        boolean namespaced = namespacedKinds.apply(kind).orElse(object.namespace() != null);
        if (namespaced) {
            String namespace = object.namespace() == null ? destination.namespace() : object.namespace();
            return namespaceAllowed(namespace)
                    ? Optional.empty()
                    : Optional.of("namespace \"" + namespace
                            + "\" is outside this Application's destination \"" + destination.namespace() + "\""
                            + allowedNamespacesText()
                            + "; add it to spec.destination.allowedNamespaces or move the object");
        }
        if (kind.equals(NAMESPACE) && namespaceAllowed(object.name())) {
            return Optional.empty();
        }
        if (destination.allowedClusterKinds().contains(kind)) {
            return Optional.empty();
        }
        String kindText = kind.group().isEmpty() ? kind.kind() : kind.kind() + "." + kind.group();
        return Optional.of("cluster-scoped kind " + kindText + " is not in spec.destination.allowedClusterKinds"
                + " (group \"" + kind.group() + "\", kind \"" + kind.kind() + "\" would allow it)");
    }

    private boolean namespaceAllowed(String namespace) {
        return destination.namespace().equals(namespace)
                || destination.allowedNamespaces().contains(namespace);
    }

    private String allowedNamespacesText() {
        return destination.allowedNamespaces().isEmpty()
                ? " and it allows no other namespace"
                : " and its allowed namespaces " + destination.allowedNamespaces();
    }
}
