/**
 * Webhook deliveries from GitHub, GitLab, Gitea, Gogs, Bitbucket and generic senders: signature or token checked in
 * constant time, payload read, redeliveries dropped, a fetch asked for. A payload only says which repository to fetch;
 * what gets deployed is what the fetch finds.
 */
package dev.plumbline.gitwatcher.webhook;
