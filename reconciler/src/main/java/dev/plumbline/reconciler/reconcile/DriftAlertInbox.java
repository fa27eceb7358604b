package dev.plumbline.reconciler.reconcile;

import dev.plumbline.events.PlumblineEvent;
import java.util.List;

/** The drift-auditor's alerts of each app, kept until the app's status shows them. */
public interface DriftAlertInbox {

    /** The alerts of the app not yet in its status, in order, now taken out. */
    List<PlumblineEvent> take(String app);
}
