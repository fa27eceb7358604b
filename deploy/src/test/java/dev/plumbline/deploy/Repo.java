package dev.plumbline.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Where the repository's files are, whichever folder the tests run from. */
final class Repo {

    private static final Path ROOT = findRoot();

    private Repo() {}

    static Path root() {
        return ROOT;
    }

    static Path path(String relative) {
        return ROOT.resolve(relative);
    }

    static String read(String relative) {
        try {
            return Files.readString(path(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Properties properties(String relative) {
        Properties properties = new Properties();
        try (var reader = Files.newBufferedReader(path(relative))) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    /** The project's version, from the parent pom (the version every image is tagged with). */
    static String projectVersion() {
        return pomProperty("<version>([^<]+)</version>", "the project version");
    }

    /** A property of the parent pom's properties section. */
    static String parentPomProperty(String name) {
        return pomProperty("<" + Pattern.quote(name) + ">([^<]+)</" + Pattern.quote(name) + ">", name);
    }

    private static String pomProperty(String regex, String what) {
        Matcher matcher = Pattern.compile(regex).matcher(read("pom.xml").replaceAll("(?s)<parent>.*?</parent>", ""));
        if (!matcher.find()) {
            throw new IllegalStateException("the parent pom does not say " + what);
        }
        return matcher.group(1).trim();
    }

    private static Path findRoot() {
        Path folder = Path.of("").toAbsolutePath();
        while (folder != null) {
            if (Files.isRegularFile(folder.resolve("deploy/base/kustomization.yaml"))) {
                return folder;
            }
            folder = folder.getParent();
        }
        throw new IllegalStateException(
                "no deploy/base/kustomization.yaml above " + Path.of("").toAbsolutePath());
    }
}
