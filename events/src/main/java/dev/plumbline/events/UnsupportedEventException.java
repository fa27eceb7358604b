package dev.plumbline.events;

/**
 * An event this code does not know how to read: an unknown type, or a schema version newer than it supports.
 * Usually a newer Plumbline wrote it and this service needs upgrading; it is not a corrupt record.
 */
public class UnsupportedEventException extends EventReadException {

    private static final long serialVersionUID = 1L;

    private final String typeName;
    private final int foundVersion;

    UnsupportedEventException(String message, String typeName, int foundVersion) {
        super(message);
        this.typeName = typeName;
        this.foundVersion = foundVersion;
    }

    /** The {@code type} the event declared. */
    public String typeName() {
        return typeName;
    }

    /** The {@code schemaVersion} the event declared. */
    public int foundVersion() {
        return foundVersion;
    }
}
