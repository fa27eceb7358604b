package dev.plumbline.engine.inventory;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A live object whose label and app annotation name an app but whose tracking id does not prove the app created it:
 * none (labelled by hand, or applied before tracking ids), one that does not parse, or one naming another object
 * (marks copied). No prune deletes it; the reconciler reports it.
 *
 * @param reason why it is not the app's, and what to do, as a person reads it
 */
public record Unproven(JsonNode object, String reason) {

    static Unproven of(String app, JsonNode object) {
        String text = TrackingMarks.trackingIdText(object).orElse(null);
        String what;
        if (text == null) {
            what = "it carries the label and annotation of app " + app + " but no "
                    + TrackingMarks.TRACKING_ID_ANNOTATION + " (marked by hand, or last applied before tracking ids)";
        } else if (TrackingId.parse(text).isEmpty()) {
            what = "its " + TrackingMarks.TRACKING_ID_ANNOTATION + " \"" + text
                    + "\" is not <app>:<group>/<kind>:<namespace>/<name>";
        } else {
            what = "its " + TrackingMarks.TRACKING_ID_ANNOTATION + " \"" + text
                    + "\" names another object or app (marks copied from elsewhere)";
        }
        return new Unproven(
                object,
                what + ", so Plumbline cannot prove it created it and does not prune it; delete it by hand if it"
                        + " should go");
    }
}
