package dev.plumbline.imageupdater.gitwrite;

import java.util.List;

/** A commit that now is the head of {@code branch} on the remote. */
public record PushedCommit(String commit, String branch, List<String> files) {

    public PushedCommit {
        files = List.copyOf(files);
    }
}
