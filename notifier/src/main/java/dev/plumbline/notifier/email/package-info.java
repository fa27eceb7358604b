/**
 * Email over SMTP with quarkus-mailer: an HTML and a text part. Writing the message is {@code template}'s.
 */
package dev.plumbline.notifier.email;
