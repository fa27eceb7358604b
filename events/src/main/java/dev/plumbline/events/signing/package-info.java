/**
 * Signatures on the events that carry authority: the renderer signs desired state, the git-watcher commit events,
 * the drift-auditor the audit trail. Each signs with an Ed25519 private key of its own ({@link SigningKey}); a reader
 * accepts an event only when one of the writer's trusted public keys ({@link TrustedKeys}, two at once during a key
 * rotation) verifies it. Write access to a topic alone therefore cannot forge what the cluster is made to look like.
 * Ed25519 is built into the JDK (15 and later), so no provider is needed.
 */
package dev.plumbline.events.signing;
