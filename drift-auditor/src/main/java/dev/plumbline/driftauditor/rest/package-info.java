/**
 * The drift-auditor's HTTP endpoints: the audit records as stored, and the drift patch of an app; errors as JSON
 * without stack traces. Nothing here changes the trail or the cluster.
 */
package dev.plumbline.driftauditor.rest;
