package dev.plumbline.events.git;

import java.util.Objects;

/**
 * One trailer line at the end of a commit message, such as {@code Reviewed-by: Ana <ana@example.com>}. Kept as a
 * list entry rather than a map value because a key may repeat (several {@code Signed-off-by}) and order matters.
 */
public record Trailer(String key, String value) {

    public Trailer {
        Objects.requireNonNull(key, "key");
        value = value == null ? "" : value;
    }
}
