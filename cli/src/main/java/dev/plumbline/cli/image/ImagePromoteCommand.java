package dev.plumbline.cli.image;

import dev.plumbline.cli.connect.CommandFailedException;
import dev.plumbline.cli.connect.RunEnvironment;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "promote",
        mixinStandardHelpOptions = true,
        description = {
            "Promotes an image into an Application's config repository, as the app repository's CI does after it "
                    + "pushed the image.",
            "The image-updater (IMAGE_UPDATER_URL) edits the image reference under the app's path and opens a pull "
                    + "request on branch plumbline/promote/<app>/<image>, or updates the one that is open; with "
                    + "--direct it commits to the target branch instead. Prints the pull request's URL or the commit.",
            "Needs a promote token in PLUMBLINE_PROMOTE_TOKEN (./plumb up writes one into .plumbline/run/env) whose "
                    + "apps include APP."
        })
final class ImagePromoteCommand implements Callable<Integer> {

    private static final Pattern PINNED = Pattern.compile("[^@\\s]+@sha256:[0-9a-f]{64}");

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "APP", description = "The Application's name.")
    String app;

    @Parameters(
            index = "1",
            paramLabel = "IMAGE@DIGEST",
            description = "The image, pinned by digest: registry/path@sha256:<hex> or registry/path:tag@sha256:<hex>.")
    String image;

    @Option(names = "--direct", description = "Commit to the target branch instead of opening a pull request.")
    boolean direct;

    @Override
    public Integer call() {
        if (!PINNED.matcher(image).matches()) {
            throw new CommandFailedException(image + " is not pinned by a digest: give the image as "
                    + "registry/path[:tag]@sha256:<64 hex digits>, the digest the registry answered the push with");
        }
        ImageUpdater.Change change = new ImageUpdater(RunEnvironment.of(spec)).promote(app, image, direct);
        PrintWriter out = spec.commandLine().getOut();
        // the URL or commit alone, for a CI script to keep
        out.println(change.outcome());
        out.flush();
        return 0;
    }
}
