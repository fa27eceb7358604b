package dev.plumbline.sandbox.kube;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who a request is, from its {@code Authorization: Bearer <token>} header, as kube-apiserver's static token file
 * ({@code --token-auth-file}) authenticates: a known token is its user, with {@value UserInfo#AUTHENTICATED}
 * added; an unknown one is refused with 401. A request without a bearer token acts as {@link UserInfo#ADMIN}, so
 * that clients without credentials keep working as before there were tokens.
 */
final class TokenAuthentication {

    private final Map<String, UserInfo> users = new ConcurrentHashMap<>();

    void add(String token, UserInfo user) {
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("a token must not be empty");
        }
        users.put(token.strip(), user);
    }

    /** The user of the {@code Authorization} header's value (null when the request has none). */
    UserInfo authenticate(String authorization) {
        if (authorization == null) {
            return UserInfo.ADMIN;
        }
        String[] parts = authorization.strip().split(" ", 2);
        if (parts.length < 2 || !parts[0].toLowerCase(Locale.ROOT).equals("bearer") || parts[1].isBlank()) {
            return UserInfo.ADMIN;
        }
        UserInfo user = users.get(parts[1].strip());
        if (user == null) {
            throw ApiException.unauthorized();
        }
        return user;
    }

    /**
     * Reads a kube-apiserver token file: one {@code token,user,uid,"group1,group2"} per line, the groups optional,
     * blank lines and lines starting with {@code #} skipped.
     */
    void addFile(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the token file " + file.toAbsolutePath(), e);
        }
        for (int number = 1; number <= lines.size(); number++) {
            String line = lines.get(number - 1).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            List<String> fields = csvFields(line);
            if (fields.size() < 3 || fields.get(0).isEmpty() || fields.get(1).isEmpty()) {
                throw new IllegalArgumentException("line " + number + " of the token file " + file.toAbsolutePath()
                        + " needs at least token,user,uid (then optionally \"group1,group2\")");
            }
            List<String> groups = fields.size() > 3
                    ? Arrays.stream(fields.get(3).split(","))
                            .map(String::strip)
                            .filter(g -> !g.isEmpty())
                            .toList()
                    : List.of();
            add(fields.get(0), UserInfo.authenticated(fields.get(1), fields.get(2), groups));
        }
    }

    private static List<String> csvFields(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"' && quoted && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                field.append('"');
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }
}
