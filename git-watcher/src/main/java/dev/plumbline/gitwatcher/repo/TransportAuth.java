package dev.plumbline.gitwatcher.repo;

import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.api.FetchCommand;
import org.eclipse.jgit.api.TransportConfigCallback;
import org.eclipse.jgit.api.errors.TransportException;
import org.eclipse.jgit.transport.SshSessionFactory;
import org.eclipse.jgit.transport.SshTransport;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;

/**
 * Applies a repository's credentials to a fetch: basic auth over HTTPS, or an SSH key whose server must be in
 * known_hosts (an unknown host key is refused, never accepted on first use).
 */
public final class TransportAuth {

    private static final TransportAuth ANONYMOUS = new TransportAuth(null, null);

    private final RepoCredentials credentials;
    private final SshSessions ssh;

    private TransportAuth(RepoCredentials credentials, SshSessions ssh) {
        this.credentials = credentials;
        this.ssh = ssh;
    }

    public static TransportAuth anonymous() {
        return ANONYMOUS;
    }

    /** @param ssh the SSH clients, one per credentials entry, used when the credentials hold an SSH key */
    public static TransportAuth of(RepoCredentials credentials, SshSessions ssh) {
        return credentials == null ? ANONYMOUS : new TransportAuth(credentials, ssh);
    }

    /** The credentials of the longest prefix matching the URL, or none. */
    public static RepoCredentials select(List<RepoCredentials> all, String url) {
        return all.stream()
                .filter(c -> c.appliesTo(url))
                .max(java.util.Comparator.comparingInt(c -> c.urlPrefix().length()))
                .orElse(null);
    }

    /**
     * @param also configures the transport after the credentials, e.g. to watch its limits
     * @throws TransportException when the SSH key cannot be used, in words, before anything is sent
     */
    FetchCommand apply(FetchCommand fetch, TransportConfigCallback also) throws TransportException {
        fetch.setTransportConfigCallback(also);
        if (credentials == null) {
            return fetch;
        }
        if (credentials.sshKey() != null) {
            Optional<String> keyProblem = ssh.keyProblem(credentials);
            if (keyProblem.isPresent()) {
                throw new TransportException(keyProblem.get());
            }
            SshSessionFactory factory = ssh.factoryFor(credentials);
            fetch.setTransportConfigCallback(transport -> {
                if (transport instanceof SshTransport sshTransport) {
                    sshTransport.setSshSessionFactory(factory);
                }
                also.configure(transport);
            });
        }
        credentials
                .passwordValue()
                .ifPresent(password ->
                        fetch.setCredentialsProvider(new UsernamePasswordCredentialsProvider(username(), password)));
        return fetch;
    }

    /** A failed fetch's message, in plain words when it is an SSH failure JGit words in its own terms. */
    String explain(String message, String url) {
        return credentials == null || credentials.sshKey() == null
                ? message
                : SshFailure.explain(message, url, credentials);
    }

    /** A token alone needs some user name; hosts that take tokens accept any (GitHub, Gitea) or this one (GitLab). */
    private String username() {
        String user = credentials.username();
        return user == null || user.isBlank() ? "git" : user;
    }
}
