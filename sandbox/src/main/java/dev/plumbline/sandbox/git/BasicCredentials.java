package dev.plumbline.sandbox.git;

import java.util.Objects;

/** The one username and password that a {@link GitServer} with basic auth accepts. */
public record BasicCredentials(String username, String password) {

    public BasicCredentials {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        if (username.isEmpty() || username.contains(":")) {
            throw new IllegalArgumentException("a basic-auth username is not empty and has no ':'");
        }
        if (password.isEmpty()) {
            throw new IllegalArgumentException("a basic-auth password is not empty");
        }
    }

    /** Never shows the password, so that a logged server or test failure does not leak it. */
    @Override
    public String toString() {
        return "BasicCredentials[username=" + username + ", password=****]";
    }
}
