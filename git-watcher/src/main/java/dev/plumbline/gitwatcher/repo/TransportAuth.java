package dev.plumbline.gitwatcher.repo;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.eclipse.jgit.api.FetchCommand;
import org.eclipse.jgit.transport.SshTransport;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;
import org.eclipse.jgit.transport.sshd.SshdSessionFactory;
import org.eclipse.jgit.transport.sshd.SshdSessionFactoryBuilder;

/**
 * Applies a repository's credentials to a fetch: basic auth over HTTPS, or an SSH key whose server must be in
 * known_hosts (an unknown host key is refused, never accepted on first use).
 */
public final class TransportAuth {

    private static final TransportAuth ANONYMOUS = new TransportAuth(null, null);

    private final RepoCredentials credentials;
    private final Path sshHome;

    private TransportAuth(RepoCredentials credentials, Path sshHome) {
        this.credentials = credentials;
        this.sshHome = sshHome;
    }

    public static TransportAuth anonymous() {
        return ANONYMOUS;
    }

    /** @param sshHome a folder JGit's SSH client may use as its home; it never reads the user's own ~/.ssh */
    public static TransportAuth of(RepoCredentials credentials, Path sshHome) {
        return credentials == null ? ANONYMOUS : new TransportAuth(credentials, sshHome);
    }

    /** The credentials of the longest prefix matching the URL, or none. */
    public static RepoCredentials select(List<RepoCredentials> all, String url) {
        return all.stream().filter(c -> c.appliesTo(url))
                .max(java.util.Comparator.comparingInt(c -> c.urlPrefix().length())).orElse(null);
    }

    FetchCommand apply(FetchCommand fetch) {
        if (credentials == null) {
            return fetch;
        }
        if (credentials.sshKey() != null) {
            SshdSessionFactory ssh = sshFactory();
            fetch.setTransportConfigCallback(transport -> {
                if (transport instanceof SshTransport sshTransport) {
                    sshTransport.setSshSessionFactory(ssh);
                }
            });
        }
        credentials.passwordValue().ifPresent(password -> fetch.setCredentialsProvider(
                new UsernamePasswordCredentialsProvider(username(), password)));
        return fetch;
    }

    /** A token alone needs some user name; hosts that take tokens accept any (GitHub, Gitea) or this one (GitLab). */
    private String username() {
        String user = credentials.username();
        return user == null || user.isBlank() ? "git" : user;
    }

    /**
     * JGit asks the credentials provider before trusting a host key that known_hosts lacks; no provider here answers
     * such a question, so an unknown or changed host key fails the fetch.
     */
    private SshdSessionFactory sshFactory() {
        Path key = credentials.sshKey();
        Path knownHosts = credentials.knownHosts();
        Path home = sshHome.resolve(credentials.name().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "_"));
        return new SshdSessionFactoryBuilder()
                .setHomeDirectory(home.toFile())
                .setSshDirectory(home.resolve(".ssh").toFile())
                .setDefaultIdentities(sshDir -> List.of(key))
                .setDefaultKnownHostsFiles(sshDir -> knownHosts == null ? List.of() : List.of(knownHosts))
                .build(null);
    }
}
