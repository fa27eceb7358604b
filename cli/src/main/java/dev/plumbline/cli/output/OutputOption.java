package dev.plumbline.cli.output;

import picocli.CommandLine.Option;

/** The {@code -o} option shared by the commands that print what they found. */
public final class OutputOption {

    @Option(
            names = {"-o", "--output"},
            defaultValue = "table",
            paramLabel = "FORMAT",
            description = "table (default), json or yaml.")
    OutputFormat format = OutputFormat.TABLE;

    public OutputFormat format() {
        return format;
    }

    public boolean structured() {
        return format != OutputFormat.TABLE;
    }
}
