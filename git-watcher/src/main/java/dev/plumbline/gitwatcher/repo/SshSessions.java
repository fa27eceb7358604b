package dev.plumbline.gitwatcher.repo;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jgit.transport.SshSessionFactory;
import org.eclipse.jgit.transport.URIish;
import org.eclipse.jgit.transport.sshd.KeyPasswordProvider;
import org.eclipse.jgit.transport.sshd.SshdSessionFactory;
import org.eclipse.jgit.transport.sshd.SshdSessionFactoryBuilder;

/**
 * One SSH client per credentials entry, kept for the life of the service: each JGit SSH session factory owns an
 * Apache MINA client with its own threads, so making one per fetch would leave a client behind at every poll.
 * The server's key must be in the entry's known_hosts; an unknown or changed host key is refused, never accepted on
 * first use.
 */
public final class SshSessions implements AutoCloseable {

    private record Identity(String name, Path key, Path knownHosts, String passphrase) {}

    private final Path home;
    private final Map<Identity, SshdSessionFactory> factories = new ConcurrentHashMap<>();
    private final SshKeyCheck keys = new SshKeyCheck();

    /** @param home a folder JGit's SSH client may use as its home; it never reads the user's own ~/.ssh */
    public SshSessions(Path home) {
        this.home = home;
    }

    /** The session factory for these credentials; a changed key file path or passphrase gets a new one. */
    public SshSessionFactory factoryFor(RepoCredentials credentials) {
        Identity identity = new Identity(
                credentials.name(), credentials.sshKey(), credentials.knownHosts(), credentials.keyPassphrase());
        return factories.computeIfAbsent(identity, this::build);
    }

    /** Why the key of these credentials cannot be offered (missing, encrypted without passphrase), or nothing. */
    public Optional<String> keyProblem(RepoCredentials credentials) {
        return keys.problem(credentials);
    }

    /**
     * JGit asks the credentials provider before trusting a host key that known_hosts lacks; fetches over SSH get no
     * provider, so no one can say yes and the fetch fails. The key's passphrase comes from the settings alone.
     */
    private SshdSessionFactory build(Identity identity) {
        Path folder = home.resolve(identity.name().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "_"));
        return new SshdSessionFactoryBuilder()
                .setHomeDirectory(folder.toFile())
                .setSshDirectory(folder.resolve(".ssh").toFile())
                .setDefaultIdentities(sshDir -> List.of(identity.key()))
                .setDefaultKnownHostsFiles(
                        sshDir -> identity.knownHosts() == null ? List.of() : List.of(identity.knownHosts()))
                .setKeyPasswordProvider(ignored -> new ConfiguredPassphrase(identity.passphrase()))
                .build(null);
    }

    @Override
    public void close() {
        factories.values().forEach(SshdSessionFactory::close);
        factories.clear();
    }

    /** Offers the configured passphrase once; asking again could only offer the same wrong one. */
    private static final class ConfiguredPassphrase implements KeyPasswordProvider {

        private final String passphrase;

        ConfiguredPassphrase(String passphrase) {
            this.passphrase = passphrase;
        }

        @Override
        public char[] getPassphrase(URIish uri, int attempt) {
            return passphrase == null || attempt > 0 ? null : passphrase.toCharArray();
        }

        @Override
        public void setAttempts(int attempts) {
            // one attempt, always: see the class comment
        }

        @Override
        public int getAttempts() {
            return 1;
        }

        @Override
        public boolean keyLoaded(URIish uri, int attempt, Exception error) {
            return false;
        }
    }
}
