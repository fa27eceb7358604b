/**
 * {@code plumb bench}: latencies and throughput measured from outside a running system (commit to applied, many apps,
 * drift to healed). Starting the run it measures is {@code run}'s.
 */
package dev.plumbline.cli.bench;
