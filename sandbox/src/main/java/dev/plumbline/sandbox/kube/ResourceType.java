package dev.plumbline.sandbox.kube;

import java.util.List;
import java.util.Optional;

/**
 * One kind of object the API serves: what discovery announces and what the dispatcher needs to route,
 * merge and track it.
 *
 * @param categories        the groupings kubectl expands, such as {@code all} in {@code kubectl get all}
 * @param statusSubresource whether {@code status} is written only through {@code /status}, so that writes
 *                          to the object itself leave it alone
 * @param builtIn           whether it is a Kubernetes type (strategic merge and merge keys apply) rather than
 *                          a custom resource
 * @param scale             where the replicas live when the kind has a {@code scale} subresource
 */
record ResourceType(
        String group,
        String version,
        String plural,
        String singular,
        String kind,
        boolean namespaced,
        List<String> shortNames,
        List<String> categories,
        boolean statusSubresource,
        boolean builtIn,
        Optional<ScalePaths> scale) {

    /**
     * The JSON paths ({@code .spec.replicas}) a {@code scale} subresource reads and writes, as a CRD declares
     * them; {@code labelSelectorPath} may be empty.
     */
    record ScalePaths(String specReplicasPath, String statusReplicasPath, String labelSelectorPath) {}

    static final List<String> VERBS =
            List.of("create", "delete", "deletecollection", "get", "list", "patch", "update", "watch");

    String apiVersion() {
        return group.isEmpty() ? version : group + "/" + version;
    }

    /** How Kubernetes names the resource in messages: {@code configmaps}, {@code deployments.apps}. */
    String resource() {
        return group.isEmpty() ? plural : plural + "." + group;
    }

    /** The path of the collection, in a namespace when the kind is namespaced. */
    String collectionPath(String namespace) {
        String root = group.isEmpty() ? "/api/" + version : "/apis/" + group + "/" + version;
        return namespaced ? root + "/namespaces/" + namespace + "/" + plural : root + "/" + plural;
    }

    String objectPath(String namespace, String name) {
        return collectionPath(namespace) + "/" + name;
    }
}
