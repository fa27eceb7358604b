/**
 * {@code plumb audit tail} and {@code verify}: the audit trail read straight from {@code plumbline.audit}, so it can
 * be read and checked while the drift-auditor is down. Writing the trail is the drift-auditor's.
 */
package dev.plumbline.cli.audit;
