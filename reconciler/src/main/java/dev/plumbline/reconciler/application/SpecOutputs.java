package dev.plumbline.reconciler.application;

import dev.plumbline.events.ApplicationSpec;

/** Where the Applications' specs go as they change: the {@code applications} topic in the service. */
public interface SpecOutputs {

    void spec(ApplicationSpec spec);

    /** The app's Application is gone: a tombstone, so the other services forget the app. */
    void deleted(String app);
}
