package dev.plumbline.sandbox.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The distribution registry's {@code config.yml} for the sandbox: loopback only, filesystem storage, deletes allowed,
 * and when asked one notification endpoint that hears of pushes (not pulls, not layers) with a short timeout and
 * backoff, so a test sees a push within a second. Written through a YAML writer, so header values are quoted right.
 */
record RegistryConfig(Path storage, int port, URI notifyUrl, Map<String, String> notifyHeaders) {

    String yaml() {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("version", "0.1");
        config.put("log", Map.of("level", "warn", "accesslog", Map.of("disabled", true)));
        config.put(
                "storage",
                Map.of(
                        "filesystem",
                                Map.of("rootdirectory", storage.toAbsolutePath().toString()),
                        "delete", Map.of("enabled", true)));
        // the secret signs upload state between requests; a fresh one per start is enough for one instance
        config.put(
                "http",
                Map.of("addr", "127.0.0.1:" + port, "secret", UUID.randomUUID().toString()));
        config.put("health", Map.of("storagedriver", Map.of("enabled", false)));
        if (notifyUrl != null) {
            Map<String, Object> endpoint = new LinkedHashMap<>();
            endpoint.put("name", "plumbline");
            endpoint.put("url", notifyUrl.toString());
            Map<String, List<String>> headers = new LinkedHashMap<>();
            notifyHeaders.forEach((name, value) -> headers.put(name, List.of(value)));
            endpoint.put("headers", headers);
            endpoint.put("timeout", "2s");
            endpoint.put("threshold", 3);
            endpoint.put("backoff", "1s");
            endpoint.put("ignoredmediatypes", List.of("application/octet-stream"));
            endpoint.put("ignore", Map.of("actions", List.of("pull")));
            config.put("notifications", Map.of("endpoints", List.of(endpoint)));
        }
        try {
            return new ObjectMapper(new YAMLFactory()).writeValueAsString(config);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings always writes as YAML", e);
        }
    }
}
