package dev.plumbline.events.application;

/**
 * Which files of a plain-manifest folder are read.
 *
 * @param recurse whether sub-folders are read too (the default, unlike Argo CD, because users expect it)
 * @param include a glob of files to read, such as {@code *.yaml}; null for every YAML and JSON file
 * @param exclude a glob of files to skip; null for none
 */
public record DirectoryOptions(Boolean recurse, String include, String exclude) {

    public DirectoryOptions {
        recurse = recurse == null || recurse;
    }

    public static DirectoryOptions defaults() {
        return new DirectoryOptions(true, null, null);
    }
}
