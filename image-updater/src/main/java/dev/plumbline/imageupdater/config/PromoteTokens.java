package dev.plumbline.imageupdater.config;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The bearer tokens CI promotes images and exports drift with ({@code plumbline.promote-tokens.*}). */
public final class PromoteTokens {

    /** A token that was recognised: its name and the Applications it may act on. */
    public record Grant(String name, List<String> apps) {

        public boolean allows(String app) {
            return apps.contains("*") || apps.contains(app);
        }
    }

    private record Entry(Grant grant, byte[] token) {

        @Override
        public String toString() {
            return "PromoteToken[" + grant.name() + "]";
        }
    }

    private final List<Entry> entries;

    private PromoteTokens(List<Entry> entries) {
        this.entries = entries;
    }

    public static PromoteTokens of(Map<String, ImageUpdaterConfig.PromoteToken> settings) {
        return new PromoteTokens(settings.entrySet().stream()
                .filter(setting -> !setting.getValue().token().isBlank())
                .map(setting -> new Entry(
                        new Grant(
                                setting.getKey(),
                                setting.getValue().apps().stream()
                                        .map(String::strip)
                                        .toList()),
                        setting.getValue().token().getBytes(StandardCharsets.UTF_8)))
                .toList());
    }

    /** The grant of a presented token, compared in constant time with every one; empty when none equals it. */
    public Optional<Grant> authenticate(String presented) {
        if (presented == null || presented.isEmpty()) {
            return Optional.empty();
        }
        byte[] bytes = presented.getBytes(StandardCharsets.UTF_8);
        Grant found = null;
        for (Entry entry : entries) {
            if (MessageDigest.isEqual(entry.token(), bytes)) {
                found = entry.grant();
            }
        }
        return Optional.ofNullable(found);
    }
}
