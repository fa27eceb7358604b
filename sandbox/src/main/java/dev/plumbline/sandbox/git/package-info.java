/**
 * A Git smart-HTTP server on embedded Jetty over a folder of bare repositories, with optional basic auth, for tests
 * and one-machine runs. It is a stand-in for a Git host, not part of any service.
 */
package dev.plumbline.sandbox.git;
