/**
 * The parts of an Application's spec as it travels on {@code plumbline.applications}: source, destination, sync
 * policy, render options, ignore rules, notification subscriptions and the operational requests (sync now, self-heal
 * pause), and the image policies the image-updater follows. Reading them from the Application resource and checking
 * their values is the reconciler's job, not this package's; only {@link dev.plumbline.events.application.ImagePolicy}
 * says what is wrong with it, because the reconciler refuses a bad one and the image-updater reads the same rules.
 */
package dev.plumbline.events.application;
