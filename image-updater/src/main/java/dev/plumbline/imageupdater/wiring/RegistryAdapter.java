package dev.plumbline.imageupdater.wiring;

import dev.plumbline.imageupdater.config.SecretMask;
import dev.plumbline.imageupdater.promote.ImageFacts;
import dev.plumbline.imageupdater.promote.ImageRegistry;
import dev.plumbline.imageupdater.registry.ImageRepository;
import dev.plumbline.imageupdater.registry.ImageVersion;
import dev.plumbline.imageupdater.registry.Registry;
import dev.plumbline.imageupdater.registry.RegistryException;
import java.util.List;

/** The promotion core's registry port on the OCI registry client. */
final class RegistryAdapter implements ImageRegistry {

    private final Registry registry;
    private final SecretMask mask;

    RegistryAdapter(Registry registry, SecretMask mask) {
        this.registry = registry;
        this.mask = mask;
    }

    @Override
    public List<String> tags(String repository) {
        try {
            return registry.tags(repositoryOf(repository));
        } catch (RegistryException failed) {
            throw new RegistryFailure(mask.apply(failed.getMessage()), failed.retryable());
        }
    }

    @Override
    public ImageFacts describe(String repository, String tagOrDigest) {
        try {
            ImageVersion version = registry.describe(repositoryOf(repository), tagOrDigest);
            return new ImageFacts(
                    version.tag() != null ? version.tag() : tagOrDigest.contains(":") ? null : tagOrDigest,
                    version.digest(),
                    version.created(),
                    version.sourceRevision(),
                    version.sourceUrl());
        } catch (RegistryException failed) {
            throw new RegistryFailure(mask.apply(failed.getMessage()), failed.retryable());
        }
    }

    private static ImageRepository repositoryOf(String repository) {
        try {
            return ImageRepository.parse(repository);
        } catch (IllegalArgumentException unreadable) {
            throw new RegistryFailure(unreadable.getMessage(), false);
        }
    }
}
