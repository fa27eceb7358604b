package dev.plumbline.engine.object;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The address of a field inside an object, segment by segment, as the diff walks it. It is kept structured (not
 * as text) because the same address must be matched against {@code metadata.managedFields} (to ignore or attribute
 * a field by its field manager) and shown to people, e.g. {@code spec.template.spec.containers[name=web].image}.
 * Paths share their parents, so extending one while walking a large object costs one small allocation.
 */
public final class FieldPath {

    private static final FieldPath ROOT = new FieldPath(null, null);
    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z0-9_-]+");

    /** One step of a path. */
    public sealed interface Segment permits Field, Key, Index, Value {}

    /** A map entry or struct field. */
    public record Field(String name) implements Segment {}

    /**
     * A list element chosen by its merge key, e.g. {@code name=web}; the values are those the cluster's managed
     * fields use, defaults filled in ({@code protocol=TCP}).
     */
    public record Key(Map<String, JsonNode> fields) implements Segment {
        public Key {
            fields = Collections.unmodifiableMap(fields);
        }
    }

    /** A list element chosen by position, for lists without a merge key. */
    public record Index(int index) implements Segment {}

    /** An element of a list of plain values that acts as a set, such as {@code metadata.finalizers}. */
    public record Value(JsonNode value) implements Segment {}

    private final FieldPath parent;
    private final Segment last;

    private FieldPath(FieldPath parent, Segment last) {
        this.parent = parent;
        this.last = last;
    }

    public static FieldPath root() {
        return ROOT;
    }

    public FieldPath field(String name) {
        return new FieldPath(this, new Field(name));
    }

    public FieldPath key(Map<String, JsonNode> fields) {
        return new FieldPath(this, new Key(fields));
    }

    public FieldPath index(int index) {
        return new FieldPath(this, new Index(index));
    }

    public FieldPath value(JsonNode value) {
        return new FieldPath(this, new Value(value));
    }

    public boolean isRoot() {
        return last == null;
    }

    /** The path one step up; the root's parent is the root. */
    public FieldPath parent() {
        return parent == null ? ROOT : parent;
    }

    /** The name of the last segment when it is a field, else null. */
    public String lastFieldName() {
        return last instanceof Field field ? field.name() : null;
    }

    /** The number of segments. */
    public int depth() {
        int depth = 0;
        for (FieldPath at = this; !at.isRoot(); at = at.parent) {
            depth++;
        }
        return depth;
    }

    public List<Segment> segments() {
        Deque<Segment> reversed = new ArrayDeque<>();
        for (FieldPath at = this; !at.isRoot(); at = at.parent) {
            reversed.push(at.last);
        }
        return new ArrayList<>(reversed);
    }

    /**
     * As people read it and as {@code FieldDiff.path} carries it: fields joined by dots, keys that are not plain
     * names quoted in brackets ({@code metadata.annotations["plumbline.dev/app"]}), list elements by merge key
     * ({@code env[name=DEBUG]}), by position ({@code args[0]}) or by value ({@code finalizers[value=x]}). A
     * {@code protocol=TCP} key part is left out, since TCP is the default nobody writes.
     */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        for (Segment segment : segments()) {
            if (segment instanceof Field field) {
                if (PLAIN_NAME.matcher(field.name()).matches()) {
                    text.append(text.isEmpty() ? "" : ".").append(field.name());
                } else {
                    text.append("[\"")
                            .append(field.name().replace("\"", "\\\""))
                            .append("\"]");
                }
            } else if (segment instanceof Key key) {
                text.append('[').append(keyText(key)).append(']');
            } else if (segment instanceof Index index) {
                text.append('[').append(index.index()).append(']');
            } else if (segment instanceof Value value) {
                text.append("[value=").append(value.value().asText()).append(']');
            }
        }
        return text.toString();
    }

    private static String keyText(Key key) {
        StringBuilder text = new StringBuilder();
        key.fields().forEach((name, value) -> {
            if (name.equals("protocol")
                    && value.asText().equals("TCP")
                    && key.fields().size() > 1) {
                return;
            }
            text.append(text.isEmpty() ? "" : ",").append(name).append('=').append(value.asText());
        });
        return text.toString();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof FieldPath path && segments().equals(path.segments());
    }

    @Override
    public int hashCode() {
        return segments().hashCode();
    }
}
