package dev.plumbline.gitwatcher.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PublicKey;
import java.util.Collection;
import java.util.List;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.keyprovider.MappedKeyPairProvider;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.auth.pubkey.KeySetPublickeyAuthenticator;
import org.apache.sshd.server.command.AbstractCommandSupport;
import org.apache.sshd.server.command.Command;
import org.apache.sshd.server.command.CommandFactory;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.transport.ReceivePack;
import org.eclipse.jgit.transport.UploadPack;

/**
 * An SSH Git server in the test's process, on Apache MINA sshd (the library JGit's SSH client is built on): bare
 * repositories under a folder, served by JGit's upload-pack and receive-pack to clients holding an authorized key,
 * on 127.0.0.1 with a host key of its own.
 */
public final class SshGitServer implements AutoCloseable {

    private final Path root;
    private final KeyPair hostKey;
    private final SshServer server;

    public SshGitServer(Path root, Collection<PublicKey> authorizedKeys) {
        this.root = root;
        this.hostKey = SshKeys.generate();
        server = SshServer.setUpDefaultServer();
        server.setHost("127.0.0.1");
        server.setPort(0);
        server.setKeyPairProvider(new MappedKeyPairProvider(hostKey));
        server.setPublickeyAuthenticator(new KeySetPublickeyAuthenticator("authorized", List.copyOf(authorizedKeys)));
        server.setCommandFactory(this::command);
        try {
            Files.createDirectories(root);
            server.start();
        } catch (IOException e) {
            throw new IllegalStateException("the SSH Git server did not start", e);
        }
    }

    public int port() {
        return server.getPort();
    }

    /** {@code ssh://git@127.0.0.1:<port>/} */
    public String urlPrefix(String user) {
        return "ssh://" + user + "@127.0.0.1:" + port() + "/";
    }

    /** This server's line in a known_hosts file. */
    public String knownHostsLine() {
        return "[127.0.0.1]:" + port() + " " + PublicKeyEntry.toString(hostKey.getPublic());
    }

    /** The folder of a served repository named {@code <name>.git}. */
    public Path repository(String name) {
        return root.resolve(name + ".git");
    }

    private Command command(org.apache.sshd.server.channel.ChannelSession channel, String line) {
        List<String> words = CommandFactory.split(line);
        return new GitCommand(
                line,
                words.get(0),
                root.resolve(words.get(1).replaceFirst("^/+", "")).normalize());
    }

    @Override
    public void close() throws IOException {
        server.stop(true);
    }

    /** {@code git-upload-pack '/name.git'} or {@code git-receive-pack '/name.git'}, as a Git client sends it. */
    private final class GitCommand extends AbstractCommandSupport {

        private final String program;
        private final Path repository;

        GitCommand(String line, String program, Path repository) {
            super(line, null);
            this.program = program;
            this.repository = repository;
        }

        @Override
        public void run() {
            if (!repository.startsWith(root) || !Files.isDirectory(repository)) {
                onExit(1, "no repository " + repository.getFileName());
                return;
            }
            try (Repository repo = FileRepositoryBuilder.create(repository.toFile())) {
                switch (program) {
                    case "git-upload-pack" ->
                        new UploadPack(repo).upload(getInputStream(), getOutputStream(), getErrorStream());
                    case "git-receive-pack" ->
                        new ReceivePack(repo).receive(getInputStream(), getOutputStream(), getErrorStream());
                    default -> {
                        onExit(127, "not a Git command: " + program);
                        return;
                    }
                }
                onExit(0);
            } catch (IOException e) {
                onExit(1, e.getMessage());
            }
        }
    }
}
