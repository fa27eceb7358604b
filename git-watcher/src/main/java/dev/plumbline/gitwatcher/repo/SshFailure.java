package dev.plumbline.gitwatcher.repo;

import java.io.IOException;
import java.nio.file.Path;
import org.apache.sshd.client.config.hosts.KnownHostEntry;
import org.eclipse.jgit.transport.URIish;

/**
 * Says in plain words what JGit's SSH client reports in its own terms: a host key that known_hosts does not vouch
 * for, or a server that accepts none of the keys offered.
 */
final class SshFailure {

    private SshFailure() {}

    /** The sentence for a failed SSH fetch, or the message as it was when it is not one of these. */
    static String explain(String message, String url, RepoCredentials credentials) {
        String text = message == null ? "" : message;
        URIish uri;
        try {
            uri = new URIish(url);
        } catch (java.net.URISyntaxException e) {
            return text;
        }
        String host = uri.getHost();
        int port = uri.getPort() > 0 ? uri.getPort() : 22;
        String where = host + (port == 22 ? "" : ":" + port);
        if (text.contains("Server key did not validate")) {
            return hostKey(where, host, port, credentials);
        }
        if (text.contains("Cannot log in") || text.contains("No more authentication methods")) {
            return "the SSH server " + where + " refused the key " + credentials.sshKey() + " for user "
                    + (uri.getUser() == null ? "(none)" : uri.getUser()) + " (credentials " + credentials.name()
                    + "); add its public key to that user's authorized keys or deploy keys";
        }
        return text;
    }

    private static String hostKey(String where, String host, int port, RepoCredentials credentials) {
        Path knownHosts = credentials.knownHosts();
        if (knownHosts == null) {
            return "the SSH host key of " + where + " cannot be checked: credentials " + credentials.name()
                    + " set no ssh-known-hosts-file; unknown host keys are refused";
        }
        String scan = "ssh-keyscan" + (port == 22 ? "" : " -p " + port) + " " + host;
        if (listed(knownHosts, host, port)) {
            return "the SSH host key of " + where + " differs from the one for it in the known_hosts file "
                    + knownHosts + ": the server's key changed, or another machine answers in its place; "
                    + "check the new key with the server's owner before replacing the line";
        }
        return "the SSH host key of " + where + " is not in the known_hosts file " + knownHosts
                + " (credentials " + credentials.name() + "), so the server is not trusted; add its line, e.g. from "
                + scan + ", after checking the key's fingerprint";
    }

    private static boolean listed(Path knownHosts, String host, int port) {
        try {
            return KnownHostEntry.readKnownHostEntries(knownHosts).stream().anyMatch(e -> e.isHostMatch(host, port));
        } catch (IOException | RuntimeException unreadable) {
            return false;
        }
    }
}
