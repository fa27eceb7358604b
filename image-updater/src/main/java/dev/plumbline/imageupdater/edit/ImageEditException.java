package dev.plumbline.imageupdater.edit;

/** The config files cannot be looked at or edited as asked; the message says why and what to do. */
public class ImageEditException extends RuntimeException {

    public ImageEditException(String message) {
        super(message);
    }
}
