package dev.plumbline.imageupdater.edit;

import static dev.plumbline.imageupdater.edit.Checkouts.APP_PATH;
import static dev.plumbline.imageupdater.edit.Checkouts.NEW_DIGEST;
import static dev.plumbline.imageupdater.edit.Checkouts.WEB;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each way a config file names an image, edited to web 1.2.5 (or another tag), against golden files: the after file
 * is exactly what the pull request proposes, so every byte outside the reference must be the before file's. Each case
 * runs with LF and with CRLF line endings, and an edited file edits to nothing the second time.
 */
class ImageEditorGoldenTest {

    @TempDir
    Path checkout;

    private final ImageEditor editor = new ImageEditor();

    @ParameterizedTest(name = "{0} ({2})")
    @CsvSource({
        "kustomize-tag-and-digest-set,      1.2.5, LF",
        "kustomize-tag-and-digest-set,      1.2.5, CRLF",
        "kustomize-keys-missing,            1.2.5, LF",
        "kustomize-keys-missing,            1.2.5, CRLF",
        "kustomize-flow-entry,              1.2.5, LF",
        "kustomize-no-final-newline,        1.2.5, LF",
        "kustomize-no-final-newline,        1.2.5, CRLF",
        "kustomize-name-replaced-by-newname, 1.2.5, LF",
        "kustomize-numeric-tag-quoted,      1.30,  LF",
        "helm-whole-reference,              1.2.5, LF",
        "helm-whole-reference,              1.2.5, CRLF",
        "helm-split-fields,                 1.2.5, LF",
        "helm-split-fields,                 1.2.5, CRLF",
        "plain-multi-document,              1.2.5, LF",
        "plain-multi-document,              1.2.5, CRLF",
        "plain-list-with-anchors,           1.2.5, LF",
    })
    void editsOnlyTheReference(String name, String tag, String lineEnding) {
        String before = withLineEnding(Checkouts.golden(name + "-before.yaml"), lineEnding);
        String after = withLineEnding(Checkouts.golden(name + "-after.yaml"), lineEnding);
        String file = APP_PATH + "/" + Checkouts.fileNameFor(name);
        Checkouts.write(checkout, file, before);
        ImageTarget target = new ImageTarget(WEB, tag, NEW_DIGEST);

        List<FileEdit> edits = editor.edit(checkout, APP_PATH, target);

        assertThat(edits).singleElement().satisfies(edit -> {
            assertThat(edit.file()).isEqualTo(file);
            assertThat(edit.before()).isEqualTo(before);
            assertThat(edit.after()).isEqualTo(after);
        });
        Checkouts.write(checkout, file, after);
        assertThat(editor.edit(checkout, APP_PATH, target))
                .as("the edited file already names the target")
                .isEmpty();
    }

    private static String withLineEnding(String text, String lineEnding) {
        return lineEnding.equals("CRLF") ? text.replace("\n", "\r\n") : text;
    }
}
