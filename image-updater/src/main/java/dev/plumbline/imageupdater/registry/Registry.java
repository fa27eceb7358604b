package dev.plumbline.imageupdater.registry;

import java.util.List;

/** An OCI registry as the image-updater reads it. */
public interface Registry {

    /** Every tag of the repository, in the registry's order. */
    List<String> tags(ImageRepository repository) throws RegistryException;

    /** What a tag (or a {@code sha256:} digest) holds now; the digest is checked against the bytes received. */
    ImageVersion describe(ImageRepository repository, String tagOrDigest) throws RegistryException;
}
