package dev.plumbline.cli.output;

/** How a command prints what it found: a table for people, JSON or YAML for scripts. */
public enum OutputFormat {
    TABLE,
    JSON,
    YAML
}
