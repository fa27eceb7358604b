/**
 * A stand-in Kubernetes API server built on fabric8's mock server: CRUD with server-side apply, managedFields,
 * patches, watches, selectors, discovery and CRDs served, enough for the services, the tests and kubectl. It imitates
 * the API's behaviour; it is no controller (nothing runs pods or fills workload status beyond what clients wait for).
 */
package dev.plumbline.sandbox.kube;
