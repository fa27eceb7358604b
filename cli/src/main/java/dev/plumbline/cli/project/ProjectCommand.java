package dev.plumbline.cli.project;

import picocli.CommandLine.Command;

@Command(
        name = "project",
        mixinStandardHelpOptions = true,
        description = {
            "Inspect Projects: what the Applications naming each may fetch, touch and deploy, and what was refused.",
            "Projects (projects.plumbline.dev) live in Plumbline's namespace and are written by administrators;"
                    + " an Application names one in spec.project (default: default)."
        },
        subcommands = {ProjectListCommand.class, ProjectGetCommand.class})
public final class ProjectCommand {}
