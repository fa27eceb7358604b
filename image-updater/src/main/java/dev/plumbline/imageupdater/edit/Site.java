package dev.plumbline.imageupdater.edit;

import java.util.List;
import java.util.function.Function;

/**
 * One reference to the repository in one file: what it holds now and how to change it to a target.
 *
 * @param start    where the reference's text starts in the file, to tell sites apart
 * @param occurrence what it holds now
 * @param splices  the text changes that make it name a target
 */
record Site(int start, ImageOccurrence occurrence, Function<ImageTarget, List<Splice>> splices) {}
