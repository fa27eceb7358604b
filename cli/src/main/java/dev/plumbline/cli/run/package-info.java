/**
 * A one-machine run: the sandbox (broker, Kubernetes API, Git server) unless real ones are given, the five services as
 * processes with their logs, readiness, secrets, a detached run found again and stopped. What the services do once
 * started is theirs.
 */
package dev.plumbline.cli.run;
