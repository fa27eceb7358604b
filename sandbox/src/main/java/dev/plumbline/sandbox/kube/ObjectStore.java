package dev.plumbline.sandbox.kube;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Optional;

/** Where objects are kept: the mock server's CRUD map, whose writes also feed its watches. */
interface ObjectStore {

    Optional<ObjectNode> get(ResourceType type, String namespace, String name);

    /** Every stored object of every kind. */
    List<ObjectNode> all();

    /** Stores a new object; watchers see ADDED. */
    void insert(ResourceType type, String namespace, ObjectNode object);

    /** Replaces a stored object; watchers see MODIFIED. */
    void replace(ResourceType type, String namespace, String name, ObjectNode object);

    /** Deletes an object (or marks it for deletion while it has finalizers); watchers see DELETED. */
    void delete(ResourceType type, String namespace, String name);

    long nextResourceVersion();
}
