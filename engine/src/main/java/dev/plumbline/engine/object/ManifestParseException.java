package dev.plumbline.engine.object;

/**
 * Manifest text that does not read as Kubernetes objects. The message names the file, the document (counted from 1,
 * every {@code ---} section included) and the line, so that a person can go straight to the mistake.
 */
public class ManifestParseException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String sourcePath;
    private final int documentIndex;
    private final int line;

    public ManifestParseException(String sourcePath, int documentIndex, int line, String problem, Throwable cause) {
        super(
                (sourcePath == null ? "" : sourcePath + ": ") + "document " + documentIndex
                        + (line > 0 ? " (line " + line + ")" : "") + ": " + problem,
                cause);
        this.sourcePath = sourcePath;
        this.documentIndex = documentIndex;
        this.line = line;
    }

    /** The file, as given to the parser; null when the text came from elsewhere. */
    public String sourcePath() {
        return sourcePath;
    }

    /** The document at fault, from 1. */
    public int documentIndex() {
        return documentIndex;
    }

    /** The line at fault, from 1; 0 when the parser could not tell. */
    public int line() {
        return line;
    }
}
