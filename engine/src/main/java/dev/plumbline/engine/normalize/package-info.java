/**
 * Makes a desired and a live body comparable: strips what the API server writes, folds Secret {@code stringData}, and
 * knows where Kubernetes treats two spellings alike (quantities, int-or-string, defaults) and which lists are keyed.
 * It changes copies only and decides no difference itself (see {@code diff}).
 */
package dev.plumbline.engine.normalize;
