package dev.plumbline.imageupdater.edit;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.DumperOptions.ScalarStyle;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * A YAML file's text and its node tree, for editing scalars in place. The tree only locates a scalar (SnakeYAML's
 * marks count code points, converted here to string offsets); the change is spliced into the text, so everything
 * else, comments, quotes, indentation and line endings, stays byte for byte.
 */
final class YamlText {

    /** A scalar may be plain when it is a simple word that YAML reads back as the same string. */
    private static final Pattern PLAIN_WORD = Pattern.compile("[A-Za-z0-9_./][A-Za-z0-9_./:@+-]*");

    private static final Resolver RESOLVER = new Resolver();

    private final String text;
    private final int[] charOffsetOfCodePoint;

    YamlText(String text) {
        this.text = text;
        this.charOffsetOfCodePoint = text.codePointCount(0, text.length()) == text.length() ? null : codePoints(text);
    }

    String text() {
        return text;
    }

    /**
     * The documents of the text; a document that is not a node (empty) is left out.
     *
     * @throws org.yaml.snakeyaml.error.YAMLException when the text is not YAML, or expands aliases past the limit
     */
    List<Node> documents() {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(20);
        options.setNestingDepthLimit(50);
        options.setCodePointLimit((int) ConfigFiles.MAX_BYTES + 1);
        List<Node> documents = new ArrayList<>();
        for (Node document : new Yaml(options).composeAll(new StringReader(text))) {
            if (document != null) {
                documents.add(document);
            }
        }
        return documents;
    }

    int offset(Mark mark) {
        int index = mark.getIndex();
        return charOffsetOfCodePoint == null ? index : charOffsetOfCodePoint[index];
    }

    /** Where the scalar's own text starts: after an anchor ({@code &name}) or tag ({@code !!str}) before it. */
    int valueStart(ScalarNode scalar) {
        int at = offset(scalar.getStartMark());
        int end = offset(scalar.getEndMark());
        while (at < end && (text.charAt(at) == '&' || text.charAt(at) == '!')) {
            while (at < end && !Character.isWhitespace(text.charAt(at))) {
                at++;
            }
            while (at < end && Character.isWhitespace(text.charAt(at))) {
                at++;
            }
        }
        return at;
    }

    int valueEnd(ScalarNode scalar) {
        return offset(scalar.getEndMark());
    }

    /**
     * Replace a scalar's text by a value in the scalar's style; an empty value after {@code key:} gets its space. A
     * literal or folded block holding one line becomes a plain scalar on the key's line, its line breaks kept.
     */
    Splice replace(ScalarNode scalar, String value) {
        int start = valueStart(scalar);
        int end = valueEnd(scalar);
        ScalarStyle style = scalar.getScalarStyle();
        if (style == ScalarStyle.LITERAL || style == ScalarStyle.FOLDED) {
            while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
                end--;
            }
            style = ScalarStyle.PLAIN;
        }
        String rendered = render(value, style);
        if (start == end && start > 0 && text.charAt(start - 1) == ':') {
            rendered = " " + rendered;
        }
        return new Splice(start, end, rendered);
    }

    /** The 1-based line of a string offset. */
    int lineOf(int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    int lineStart(int offset) {
        return text.lastIndexOf('\n', offset - 1) + 1;
    }

    /** The file's line ending, so that added lines match the ones around them. */
    String lineEnding() {
        return text.contains("\r\n") ? "\r\n" : "\n";
    }

    /** The value as a scalar of the given style; a plain scalar that YAML would read otherwise gets quoted. */
    static String render(String value, ScalarStyle style) {
        return switch (style) {
            case SINGLE_QUOTED -> "'" + value.replace("'", "''") + "'";
            case DOUBLE_QUOTED -> doubleQuoted(value);
            default -> isPlainString(value) ? value : doubleQuoted(value);
        };
    }

    /** A scalar that can hold an image reference or part of one: a value of one line. */
    static boolean isOneLine(ScalarNode scalar) {
        return !scalar.getValue().strip().contains("\n");
    }

    /** The value of a scalar, or null for an empty or {@code ~}/{@code null} one. */
    static String valueOf(ScalarNode scalar) {
        String value = scalar.getValue();
        if (scalar.getScalarStyle() == ScalarStyle.PLAIN
                && (value.isEmpty() || value.equals("~") || value.equals("null") || value.equals("Null"))) {
            return null;
        }
        return value;
    }

    /** The value of {@code key} in a mapping, or null; a key written twice makes the file {@link Uneditable}. */
    static Node valueOf(MappingNode mapping, String key) {
        Node found = null;
        for (NodeTuple pair : mapping.getValue()) {
            if (pair.getKeyNode() instanceof ScalarNode name && name.getValue().equals(key)) {
                if (found != null) {
                    throw new Uneditable("'" + key + "' is written twice (line "
                            + (name.getStartMark().getLine() + 1) + "), which YAML tools read differently");
                }
                found = pair.getValueNode();
            }
        }
        return found;
    }

    /** The scalar that ends a node's text: the node itself, or the last scalar of a collection. */
    static ScalarNode lastScalar(Node node) {
        if (node instanceof ScalarNode scalar) {
            return scalar;
        }
        if (node instanceof MappingNode mapping && !mapping.getValue().isEmpty()) {
            return lastScalar(
                    mapping.getValue().get(mapping.getValue().size() - 1).getValueNode());
        }
        if (node instanceof SequenceNode sequence && !sequence.getValue().isEmpty()) {
            return lastScalar(sequence.getValue().get(sequence.getValue().size() - 1));
        }
        return null;
    }

    private static boolean isPlainString(String value) {
        return PLAIN_WORD.matcher(value).matches()
                && !value.endsWith(":")
                && RESOLVER.resolve(NodeId.scalar, value, true).equals(Tag.STR);
    }

    private static String doubleQuoted(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static int[] codePoints(String text) {
        int[] offsets = new int[text.codePointCount(0, text.length()) + 1];
        int index = 0;
        for (int at = 0; at < text.length(); at = text.offsetByCodePoints(at, 1)) {
            offsets[index++] = at;
        }
        offsets[index] = text.length();
        return offsets;
    }

    /** Something in the file that the editor will not guess about; the whole file is left alone, with the reason. */
    static final class Uneditable extends RuntimeException {

        Uneditable(String reason) {
            super(reason);
        }
    }
}
