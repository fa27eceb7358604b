package dev.plumbline.imageupdater.registry;

import java.io.IOException;
import java.time.Duration;

/** The words of registry failures: which registry and repository, what happened, and what to do about it. */
final class RegistryErrors {

    private RegistryErrors() {}

    static String prefix(ImageRepository repository) {
        return "registry " + repository.registry() + ", repository " + repository.path() + ": ";
    }

    static RegistryException status(ImageRepository repository, int status, String what, boolean withLogin) {
        String prefix = prefix(repository) + "reading " + what + " answered " + status;
        return switch (status) {
            case 401 ->
                new RegistryException(
                        prefix
                                + (withLogin
                                        ? "; the configured username and password were refused, correct them in plumbline.registries.<id>"
                                        : "; it needs a login: set plumbline.registries.<id>.registry="
                                                + repository.registry() + " with username and password"),
                        false);
            case 403 ->
                new RegistryException(prefix + "; the login may not pull this repository, grant it read access", false);
            case 404 ->
                new RegistryException(
                        prefix + "; it does not exist there, check the repository and tag in the"
                                + " Application's spec.images",
                        false);
            case 408, 429 -> new RegistryException(prefix + "; the registry is busy, it is retried", true);
            default ->
                status >= 500
                        ? new RegistryException(prefix + "; the registry failed, it is retried", true)
                        : new RegistryException(prefix + "; the registry refused the request", false);
        };
    }

    static RegistryException refused(ImageRepository repository, int status, String what, String why) {
        return new RegistryException(
                prefix(repository) + "reading " + what + " answered " + status + " and " + why
                        + "; check plumbline.registries.<id> for " + repository.registry(),
                false);
    }

    static RegistryException tooLarge(ImageRepository repository, String what, int maxBytes) {
        return new RegistryException(
                prefix(repository) + what + " is larger than " + (maxBytes / 1024)
                        + " KiB, more than any image needs; it is not read, check what the registry serves",
                false);
    }

    static RegistryException malformed(ImageRepository repository, String what, String why) {
        return new RegistryException(
                prefix(repository) + what + " is not usable: " + why
                        + "; check that the repository holds container images",
                false);
    }

    static RegistryException io(ImageRepository repository, String what, IOException e, Duration timeout) {
        if (RegistryHttp.timedOut(e)) {
            return new RegistryException(
                    prefix(repository) + "no answer for " + what + " within " + seconds(timeout) + " s; it is retried",
                    true,
                    e);
        }
        if (RegistryHttp.connectRefused(e)) {
            return new RegistryException(
                    prefix(repository) + "cannot connect to read " + what
                            + " (is the registry running, and is the host right?); it is retried",
                    true,
                    e);
        }
        return new RegistryException(
                prefix(repository) + "reading " + what + " failed: " + e + "; it is retried", true, e);
    }

    private static String seconds(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? Long.toString(millis / 1000) : Double.toString(millis / 1000.0);
    }
}
