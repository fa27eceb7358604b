package dev.plumbline.cli.image;

import picocli.CommandLine.Command;

@Command(
        name = "image",
        mixinStandardHelpOptions = true,
        description = "The images the image-updater watches for Applications, and promotions of new ones.",
        subcommands = {ImageListCommand.class, ImagePromoteCommand.class})
public final class ImageCommand {}
