package dev.plumbline.cli.drift;

import picocli.CommandLine.Command;

@Command(
        name = "drift",
        mixinStandardHelpOptions = true,
        description = "Work with drift: live changes that Git does not have.",
        subcommands = {DriftExportCommand.class})
public final class DriftCommand {}
