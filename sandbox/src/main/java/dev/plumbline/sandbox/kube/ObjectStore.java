package dev.plumbline.sandbox.kube;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;

/**
 * Where objects are kept. Every object handed out is a copy that the caller may change; every write tells the
 * open watches.
 */
interface ObjectStore {

    Optional<ObjectNode> get(ResourceType type, String namespace, String name);

    /** The objects of a kind that match the filter, ordered by namespace and name. */
    List<ObjectNode> list(ResourceType type, ObjectFilter filter);

    /** Stores a new object; watchers see ADDED. */
    void insert(ResourceType type, String namespace, ObjectNode object);

    /**
     * Replaces a stored object; watchers see MODIFIED. An object being deleted whose last finalizer this write
     * removes is deleted instead, as Kubernetes does: watchers see DELETED.
     */
    void replace(ResourceType type, String namespace, String name, ObjectNode object);

    /** Deletes an object (or marks it for deletion while it has finalizers); watchers see DELETED. */
    void delete(ResourceType type, String namespace, String name);

    /** Deletes every object of every kind in the namespace, the namespace itself excepted. */
    void deleteAllIn(String namespace);

    /** Takes the next resourceVersion for a change about to be stored. */
    long nextResourceVersion();

    /** The resourceVersion of the latest change, which lists report. */
    long currentResourceVersion();
}
