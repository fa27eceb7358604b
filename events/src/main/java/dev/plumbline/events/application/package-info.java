/**
 * The parts of an Application's spec as it travels on {@code plumbline.applications}: source, destination, sync
 * policy, render options, ignore rules, notification subscriptions and the operational requests (sync now, self-heal
 * pause). Reading them from the Application resource and checking their values is the reconciler's job, not this
 * package's.
 */
package dev.plumbline.events.application;
