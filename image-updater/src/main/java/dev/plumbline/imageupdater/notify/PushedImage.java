package dev.plumbline.imageupdater.notify;

import dev.plumbline.imageupdater.registry.ImageRepository;

/** A tag a notification says was pushed; {@code digest} is null when the sender does not say it (Docker Hub, Quay). */
public record PushedImage(ImageRepository repository, String tag, String digest) {}
