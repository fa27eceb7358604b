package dev.plumbline.imageupdater.edit;

import static dev.plumbline.imageupdater.edit.Checkouts.APP_PATH;
import static dev.plumbline.imageupdater.edit.Checkouts.NEW_DIGEST;
import static dev.plumbline.imageupdater.edit.Checkouts.OLD_DIGEST;
import static dev.plumbline.imageupdater.edit.Checkouts.WEB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What the editor finds, what it refuses and what it leaves alone. */
class ImageEditorTest {

    private static final ImageTarget TARGET = new ImageTarget(WEB, "1.2.5", NEW_DIGEST);
    private static final String DEPLOYMENT = """
            apiVersion: apps/v1
            kind: Deployment
            spec:
              template:
                spec:
                  containers:
                    - name: web
                      image: %s
            """;

    @TempDir
    Path checkout;

    @TempDir
    Path outside;

    private final ImageEditor editor = new ImageEditor();

    @Test
    void findsEachReferenceWithWhatItHoldsNow() {
        Checkouts.write(
                checkout,
                APP_PATH + "/kustomization.yaml",
                Checkouts.golden("kustomize-tag-and-digest-set-before.yaml"));
        Checkouts.write(checkout, APP_PATH + "/chart/values.yaml", Checkouts.golden("helm-split-fields-before.yaml"));
        Checkouts.write(checkout, APP_PATH + "/base/web.yaml", DEPLOYMENT.formatted(WEB + ":1.2.3"));

        List<ImageOccurrence> found = editor.find(checkout, APP_PATH, WEB);

        assertThat(found)
                .containsExactly(
                        new ImageOccurrence(APP_PATH + "/base/web.yaml", 8, EditKind.PLAIN_MANIFEST, "1.2.3", null),
                        new ImageOccurrence(APP_PATH + "/chart/values.yaml", 3, EditKind.HELM_VALUES, "1.2.3", null),
                        new ImageOccurrence(APP_PATH + "/chart/values.yaml", 4, EditKind.HELM_VALUES, null, null),
                        new ImageOccurrence(APP_PATH + "/chart/values.yaml", 7, EditKind.HELM_VALUES, null, null),
                        new ImageOccurrence(
                                APP_PATH + "/kustomization.yaml", 9, EditKind.KUSTOMIZE_IMAGES, "1.2.3", OLD_DIGEST));
        assertThat(found.get(4).reference(WEB)).isEqualTo(WEB + ":1.2.3@" + OLD_DIGEST);
    }

    @Test
    void aTagAndADigestWrittenApartMakeOnePreviousReference() {
        Checkouts.write(checkout, APP_PATH + "/values.yaml", """
                image:
                  tag: 1.2.3  # plumbline:image %1$s:tag
                  digest: %2$s  # plumbline:image %1$s:digest
                """.formatted(WEB, OLD_DIGEST));

        List<ImageOccurrence> found = editor.find(checkout, APP_PATH, WEB);

        assertThat(ImageOccurrence.previous(WEB, found)).contains(WEB + ":1.2.3@" + OLD_DIGEST);
        assertThat(ImageOccurrence.previous(WEB, List.of())).isEmpty();
    }

    @Test
    void aDigestAloneKeepsSplitTagsAndDropsTheTagOfAWholeReference() {
        Checkouts.write(checkout, APP_PATH + "/web.yaml", DEPLOYMENT.formatted(WEB + ":1.2.3"));

        List<FileEdit> edits = editor.edit(checkout, APP_PATH, new ImageTarget(WEB, null, NEW_DIGEST));

        assertThat(edits)
                .singleElement()
                .extracting(FileEdit::after)
                .isEqualTo(DEPLOYMENT.formatted(WEB + "@" + NEW_DIGEST));
    }

    @Test
    void onlyFilesUnderTheAppsPathAreEdited() {
        Checkouts.write(checkout, "apps/web-staging/web.yaml", DEPLOYMENT.formatted(WEB + ":1.2.3"));
        Checkouts.write(checkout, APP_PATH + "/web.yaml", DEPLOYMENT.formatted(WEB + ":1.2.3"));
        Checkouts.write(checkout, APP_PATH + "/.git/web.yaml", DEPLOYMENT.formatted(WEB + ":1.2.3"));

        assertThat(editor.edit(checkout, APP_PATH, TARGET))
                .extracting(FileEdit::file)
                .containsExactly(APP_PATH + "/web.yaml");
    }

    @Test
    void noReferenceNamesTheFilesLookedAtAndWhatToDo() {
        Checkouts.write(checkout, APP_PATH + "/values.yaml", "web:\n  image: " + WEB + ":1.2.3\n");
        Checkouts.write(checkout, APP_PATH + "/web.yaml", DEPLOYMENT.formatted("127.0.0.1:5000/shop/web-proxy:1.0"));

        assertThatThrownBy(() -> editor.edit(checkout, APP_PATH, TARGET))
                .isInstanceOf(NoImageReferenceException.class)
                .hasMessageContaining("looked at apps/web/values.yaml, apps/web/web.yaml")
                .hasMessageContaining("'# plumbline:image " + WEB + "'");
        assertThat(editor.find(checkout, APP_PATH, WEB)).isEmpty();
    }

    @Test
    void aLinkLeadingOutOfTheCheckoutIsNotFollowed() throws IOException {
        Path secret = Checkouts.write(outside, "web.yaml", DEPLOYMENT.formatted(WEB + ":1.2.3"));
        Files.createDirectories(checkout.resolve(APP_PATH));
        Files.createSymbolicLink(checkout.resolve(APP_PATH + "/web.yaml"), secret);

        assertThatThrownBy(() -> editor.edit(checkout, APP_PATH, TARGET))
                .isInstanceOf(NoImageReferenceException.class)
                .hasMessageContaining("skipped apps/web/web.yaml (a link leading out of the repository)");
        assertThat(Files.readString(secret)).contains(":1.2.3");
    }

    @Test
    void anAppPathLeadingOutOfTheCheckoutIsRefused() throws IOException {
        Checkouts.write(outside, "web.yaml", DEPLOYMENT.formatted(WEB + ":1.2.3"));
        Files.createDirectories(checkout.resolve("apps"));
        Files.createSymbolicLink(checkout.resolve(APP_PATH), outside);

        assertThatThrownBy(() -> editor.edit(checkout, APP_PATH, TARGET))
                .isInstanceOf(ImageEditException.class)
                .hasMessageContaining("is a link leading out of the repository");
        assertThatThrownBy(() -> editor.find(checkout, "../" + outside.getFileName(), WEB))
                .isInstanceOf(ImageEditException.class)
                .hasMessageContaining("leaves the repository");
    }

    @Test
    void aLinkInsideTheCheckoutIsEditedOnceAsItsRealFile() throws IOException {
        Checkouts.write(checkout, "shared/web.yaml", DEPLOYMENT.formatted(WEB + ":1.2.3"));
        Files.createDirectories(checkout.resolve(APP_PATH));
        Files.createSymbolicLink(checkout.resolve(APP_PATH + "/a.yaml"), Path.of("../../shared/web.yaml"));
        Files.createSymbolicLink(checkout.resolve(APP_PATH + "/b.yaml"), checkout.resolve("shared/web.yaml"));

        assertThat(editor.edit(checkout, APP_PATH, TARGET))
                .extracting(FileEdit::file)
                .containsExactly("shared/web.yaml");
    }

    @Test
    void aFileOverOneMebibyteIsSkipped() {
        String big = DEPLOYMENT.formatted(WEB + ":1.2.3") + "#" + "x".repeat((int) ConfigFiles.MAX_BYTES) + "\n";
        Checkouts.write(checkout, APP_PATH + "/big.yaml", big);

        assertThatThrownBy(() -> editor.edit(checkout, APP_PATH, TARGET))
                .hasMessageContaining("skipped apps/web/big.yaml (over 1 MiB)");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"not YAML", "a key written twice", "an alias bomb", "a marker naming another image"})
    void aFileTheEditorWillNotGuessAboutIsSkippedWithTheReason(String trick) {
        String text = switch (trick) {
            case "not YAML" -> "image: {{ .Values.image }} " + WEB + "\n  - :\n";
            case "a key written twice" -> """
                    images:
                      - name: %s
                        newTag: 1.2.3
                        newTag: 1.2.4
                    """.formatted(WEB);
            case "an alias bomb" ->
                "image: " + WEB + "\na: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a]\n"
                        + "c: &c [*b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c]\n";
            default -> "image: 127.0.0.1:5000/shop/other:1.0  # plumbline:image " + WEB + "\n";
        };
        String file = trick.equals("a key written twice") ? "kustomization.yaml" : "values.yaml";
        Checkouts.write(checkout, APP_PATH + "/" + file, text);

        assertThatThrownBy(() -> editor.edit(checkout, APP_PATH, TARGET))
                .isInstanceOf(NoImageReferenceException.class)
                .hasMessageMatching("(?s).*skipped apps/web/" + file + " \\((not YAML: |'newTag' is written twice"
                        + "|line 1 is marked for " + WEB + " but names 127.0.0.1:5000/shop/other).*");
    }

    @ParameterizedTest(name = "tag {0}")
    @ValueSource(strings = {"1.2.5\n  evil: true", "1.2.5 # c", "\"1.2.5\"", ".hidden", ""})
    void aTagOutsideTheOciGrammarIsRefusedBeforeAnyYamlIsWritten(String tag) {
        assertThatThrownBy(() -> new ImageTarget(WEB, tag, NEW_DIGEST))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not an image tag");
    }

    @Test
    void aRepositoryOrDigestOutsideTheGrammarIsRefused() {
        assertThatThrownBy(() -> new ImageTarget(WEB + ":1.2.3", "1.2.5", NEW_DIGEST))
                .hasMessageContaining("is not an image repository");
        assertThatThrownBy(() -> new ImageTarget(WEB, "1.2.5", null)).hasMessageContaining("always pins the digest");
        assertThatThrownBy(() -> new ImageTarget(WEB, "1.2.5", "sha256:xyz"))
                .hasMessageContaining("is not an image digest");
    }
}
