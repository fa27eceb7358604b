package dev.plumbline.reconciler.apply;

import dev.plumbline.events.manifest.ObjectIdentity;

/** The API server's discovery lists no resource for the object's kind: its CustomResourceDefinition is missing. */
public class KindNotServedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public KindNotServedException(ObjectIdentity object) {
        super("the API server does not serve " + object.kind() + (object.group().isEmpty() ? "" : "." + object.group())
                + " (" + object.apiVersion() + ")");
    }
}
