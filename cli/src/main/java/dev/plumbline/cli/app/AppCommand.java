package dev.plumbline.cli.app;

import picocli.CommandLine.Command;

@Command(
        name = "app",
        mixinStandardHelpOptions = true,
        description = "Inspect and steer Applications: their sync, health, drift, history and pauses.",
        subcommands = {
            AppListCommand.class,
            AppGetCommand.class,
            AppDiffCommand.class,
            AppSyncCommand.class,
            AppHistoryCommand.class,
            AppPauseCommand.class,
            AppResumeCommand.class,
            AppRollbackCommand.class
        })
public final class AppCommand {}
