package dev.plumbline.gitwatcher.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Two SSH Git servers serving one folder of bare repositories: one whose host key is in the git-watcher's
 * known_hosts, and a stranger whose key is not. The git-watcher gets credentials for both with a generated key
 * (user {@code git}), and for the trusted server with an encrypted key and its passphrase (user {@code deploy}) and
 * with the same encrypted key but no passphrase (user {@code nopass}). The folder is in {@link #REPOSITORIES}.
 */
public class SshGitServerResource implements QuarkusTestResourceLifecycleManager {

    public static final String REPOSITORIES = "ssh-test.repositories";
    public static final String PASSPHRASE = "correct horse battery staple";

    private SshGitServer trusted;
    private SshGitServer stranger;

    @Override
    public Map<String, String> start() {
        try {
            Path folder = Files.createTempDirectory("ssh-git");
            KeyPair plain = SshKeys.generate();
            KeyPair encrypted = SshKeys.generate();
            Path plainKey = SshKeys.write(plain, folder.resolve("id_ecdsa"), null);
            Path encryptedKey = SshKeys.write(encrypted, folder.resolve("id_ecdsa_encrypted"), PASSPHRASE);
            Path passphrase = Files.writeString(folder.resolve("passphrase"), PASSPHRASE + "\n");
            Path repositories = folder.resolve("repositories");
            List<java.security.PublicKey> authorized = List.of(plain.getPublic(), encrypted.getPublic());
            trusted = new SshGitServer(repositories, authorized);
            stranger = new SshGitServer(repositories, authorized);
            Path knownHosts = Files.writeString(folder.resolve("known_hosts"), trusted.knownHostsLine() + "\n");

            Map<String, String> config = new TreeMap<>();
            config.put(REPOSITORIES, repositories.toString());
            credentials(config, "ssh", trusted.urlPrefix("git"), plainKey, knownHosts);
            credentials(config, "stranger", stranger.urlPrefix("git"), plainKey, knownHosts);
            credentials(config, "ssh-encrypted", trusted.urlPrefix("deploy"), encryptedKey, knownHosts);
            config.put("plumbline.credentials.ssh-encrypted.ssh-key-passphrase-file", passphrase.toString());
            credentials(config, "ssh-no-passphrase", trusted.urlPrefix("nopass"), encryptedKey, knownHosts);
            return config;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void credentials(Map<String, String> config, String name, String url, Path key, Path knownHosts) {
        String prefix = "plumbline.credentials." + name + ".";
        config.put(prefix + "url", url);
        config.put(prefix + "ssh-private-key-file", key.toString());
        config.put(prefix + "ssh-known-hosts-file", knownHosts.toString());
    }

    @Override
    public void stop() {
        try {
            if (trusted != null) {
                trusted.close();
            }
            if (stranger != null) {
                stranger.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
