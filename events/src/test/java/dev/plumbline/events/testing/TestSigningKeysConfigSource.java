package dev.plumbline.events.testing;

import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Gives a service under test the signing configuration {@code ./plumb up} gives it in a run: its own private key
 * (chosen by {@code plumbline.service}) and the public keys of every signer. Registered through the test jar's
 * {@code META-INF/services}, so it reaches every service's tests and no production classpath. Its low ordinal lets
 * a test profile or a test class set any of these properties itself.
 */
public class TestSigningKeysConfigSource implements ConfigSource {

    private static final int ORDINAL = 50;

    @Override
    public Map<String, String> getProperties() {
        String directory = TestSigningKeys.directory().toString();
        return Map.of(
                "plumbline.signing.key-file", directory + "/${plumbline.service}.key",
                "plumbline.trust.git-watcher-keys", directory + "/git-watcher.pub",
                "plumbline.trust.renderer-keys", directory + "/renderer.pub",
                "plumbline.trust.drift-auditor-keys", directory + "/drift-auditor.pub");
    }

    @Override
    public Set<String> getPropertyNames() {
        return getProperties().keySet();
    }

    @Override
    public String getValue(String propertyName) {
        return getProperties().get(propertyName);
    }

    @Override
    public String getName() {
        return "plumbline-test-signing-keys";
    }

    @Override
    public int getOrdinal() {
        return ORDINAL;
    }
}
