package dev.plumbline.imageupdater.edit;

import java.util.List;

/** Nothing under the app's path names the repository; the message names the files looked at and those skipped. */
public class NoImageReferenceException extends ImageEditException {

    private final List<String> filesLookedAt;

    public NoImageReferenceException(String message, List<String> filesLookedAt) {
        super(message);
        this.filesLookedAt = List.copyOf(filesLookedAt);
    }

    public List<String> filesLookedAt() {
        return filesLookedAt;
    }
}
