package dev.plumbline.imageupdater.wiring;

import dev.plumbline.events.application.ImagePolicy;
import dev.plumbline.imageupdater.promote.TagChooser;

/** Each Application's image policy as the promotion core's choice among tags. */
public interface TagChoosers {

    /** @param policy a valid policy ({@link ImagePolicy#problems()} empty) */
    TagChooser of(ImagePolicy policy);
}
