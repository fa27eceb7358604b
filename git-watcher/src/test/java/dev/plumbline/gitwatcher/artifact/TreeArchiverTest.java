package dev.plumbline.gitwatcher.artifact;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.TreeFormatter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TreeArchiverTest {

    private static final Instant COMMIT_TIME = Instant.parse("2026-11-27T15:01:30Z");

    @TempDir
    Path folder;

    private Repository repository;
    private String commit;

    @BeforeEach
    void commitATreeWithEveryKindOfEntry() throws Exception {
        repository = Git.init()
                .setBare(true)
                .setDirectory(folder.resolve("r.git").toFile())
                .call()
                .getRepository();
        try (ObjectInserter insert = repository.newObjectInserter()) {
            TreeFormatter sub = new TreeFormatter();
            sub.append("deploy.yaml", FileMode.REGULAR_FILE, blob(insert, "kind: Deployment\n"));
            sub.append("render.sh", FileMode.EXECUTABLE_FILE, blob(insert, "#!/bin/sh\n"));
            ObjectId subTree = insert.insert(sub);
            TreeFormatter root = new TreeFormatter();
            root.append("README.md", FileMode.REGULAR_FILE, blob(insert, "hello\n"));
            root.append("apps", FileMode.TREE, subTree);
            root.append("apps-link", FileMode.SYMLINK, blob(insert, "apps"));
            root.append("vendored", FileMode.GITLINK, ObjectId.fromString("1".repeat(40)));
            CommitBuilder builder = new CommitBuilder();
            builder.setTreeId(insert.insert(root));
            PersonIdent who = new PersonIdent("Ana", "ana@example.com", COMMIT_TIME, java.time.ZoneOffset.UTC);
            builder.setAuthor(who);
            builder.setCommitter(who);
            builder.setMessage("tree");
            commit = insert.insert(builder).name();
            insert.flush();
        }
    }

    @Test
    void theSameTreeAlwaysGivesTheSameBytes() throws IOException {
        assertThat(archive()).isEqualTo(archive());
    }

    @Test
    void entriesAreSortedRelativeFilesWithGitsModesAndNoSubmodules() throws IOException {
        List<TarArchiveEntry> entries = new ArrayList<>();
        List<String> contents = new ArrayList<>();
        try (TarArchiveInputStream tar =
                new TarArchiveInputStream(new GzipCompressorInputStream(new ByteArrayInputStream(archive())))) {
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                entries.add(entry);
                contents.add(new String(tar.readAllBytes(), StandardCharsets.UTF_8));
            }
        }

        assertThat(entries)
                .extracting(TarArchiveEntry::getName)
                .containsExactly("README.md", "apps-link", "apps/deploy.yaml", "apps/render.sh");
        assertThat(entries.get(0).getMode() & 0777).isEqualTo(0644);
        assertThat(entries.get(3).getMode() & 0777).isEqualTo(0755);
        assertThat(entries.get(1).isSymbolicLink()).isTrue();
        assertThat(entries.get(1).getLinkName()).isEqualTo("apps");
        assertThat(contents.get(2)).isEqualTo("kind: Deployment\n");
        assertThat(entries).allSatisfy(entry -> {
            assertThat(entry.getLastModifiedTime().toInstant()).isEqualTo(COMMIT_TIME);
            assertThat(entry.getLongUserId()).isZero();
            assertThat(entry.getLongGroupId()).isZero();
            assertThat(entry.getUserName()).isEmpty();
            assertThat(entry.getGroupName()).isEmpty();
        });
    }

    @Test
    void theStoreKeepsTheDigestAndFindsOnlyWellFormedNames() throws IOException {
        ArtifactStore store = new ArtifactStore(folder.resolve("artifacts"));
        TreeArchiver archiver = new TreeArchiver(repository);

        StoredArtifact stored = store.store("0123456789abcdef", commit, out -> archiver.write(commit, out));

        assertThat(stored.sha256()).matches("[0-9a-f]{64}");
        assertThat(store.find("0123456789abcdef", commit)).contains(stored);
        assertThat(store.find("0123456789abcdef", "2".repeat(40))).isEmpty();
        assertThat(store.find("../../../etc", commit)).isEmpty();
        assertThat(store.find("0123456789abcdef", "../" + commit)).isEmpty();
    }

    private byte[] archive() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new TreeArchiver(repository).write(commit, out);
        return out.toByteArray();
    }

    private static ObjectId blob(ObjectInserter insert, String content) throws IOException {
        return insert.insert(Constants.OBJ_BLOB, content.getBytes(StandardCharsets.UTF_8));
    }
}
