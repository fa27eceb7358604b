/**
 * The health of a live object by its kind's rule (Deployment, StatefulSet, Job, Pod, PVC, ...), following Argo CD's
 * health checks, and an Application's health as its worst object's. It reads status as given and watches nothing.
 */
package dev.plumbline.engine.health;
