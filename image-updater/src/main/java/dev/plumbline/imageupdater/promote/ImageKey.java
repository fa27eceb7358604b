package dev.plumbline.imageupdater.promote;

/** One image of one Application: the unit of work, of state and of serialization. */
public record ImageKey(String app, String repository) {

    /** The last path segment of the repository ({@code web} for {@code 127.0.0.1:5000/shop/web}). */
    public String imageName() {
        return repository.substring(repository.lastIndexOf('/') + 1);
    }

    /** The one branch a pull request of this image of this app is proposed from, whatever the tag. */
    public String promotionBranch() {
        return "plumbline/promote/" + app + "/" + imageName();
    }

    @Override
    public String toString() {
        return app + "/" + repository;
    }
}
