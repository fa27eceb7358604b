/**
 * Checking the signature of the commit a watched ref moved to against the OpenPGP and SSH public keys the watching
 * Applications' projects list, never against a GnuPG home, {@code ~/.ssh} or Git configuration, and saying which
 * Applications must not deploy it and why.
 */
package dev.plumbline.gitwatcher.signature;
