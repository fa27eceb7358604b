package dev.plumbline.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code plumb} command: runs Plumbline on one machine. */
@Command(
        name = "plumb",
        mixinStandardHelpOptions = true,
        versionProvider = PlumbVersion.class,
        description = "Plumbline, a GitOps agent for Kubernetes: Git is the desired state, the cluster follows.",
        subcommands = {UpCommand.class, DownCommand.class, CommandLine.HelpCommand.class})
public final class PlumbCommand {

    public static void main(String[] args) {
        System.exit(new CommandLine(new PlumbCommand()).execute(args));
    }
}
