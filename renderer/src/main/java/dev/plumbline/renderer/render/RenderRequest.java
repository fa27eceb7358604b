package dev.plumbline.renderer.render;

import dev.plumbline.events.ApplicationSpec;
import dev.plumbline.events.application.SourceSpec;
import dev.plumbline.renderer.artifact.RepositoryTree;
import java.nio.file.Path;

/**
 * One Application to render from one extracted commit.
 *
 * @param spec    the Application
 * @param tree    the commit's files
 * @param appDir  the Application's path inside the tree, already checked to stay inside it
 * @param scratch a folder of this render's own, removed with the commit's scratch folder
 */
public record RenderRequest(ApplicationSpec spec, RepositoryTree tree, Path appDir, Path scratch) {

    public String app() {
        return spec.app();
    }

    public SourceSpec source() {
        return spec.sourceSpec();
    }

    /** The Application's path as a repository path, without leading or trailing slashes. */
    public String path() {
        return tree.repositoryPath(appDir);
    }

    /** A repository file of the Application's folder, for messages and {@code RenderFailed.file}. */
    public String fileInPath(String name) {
        String path = path();
        return path.isEmpty() ? name : path + "/" + name;
    }
}
