package dev.plumbline.imageupdater.gitwrite;

import java.util.Objects;

/** The username and password (or token) that may push to one repository over HTTP(S). */
public record WriteCredential(String username, String password) {

    public WriteCredential {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        if (password.isEmpty()) {
            throw new IllegalArgumentException("a write credential has a password or token");
        }
    }

    /** Never shows the password, so that a logged value or a test failure does not leak it. */
    @Override
    public String toString() {
        return "WriteCredential[username=" + username + ", password=****]";
    }
}
