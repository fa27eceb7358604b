/**
 * Notifications written out for people with Qute templates that users can replace, as title, text, Markdown and HTML.
 * What a template sees is documented in docs/notifier.md.
 */
package dev.plumbline.notifier.template;
