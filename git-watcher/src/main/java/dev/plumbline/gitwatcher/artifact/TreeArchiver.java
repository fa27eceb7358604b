package dev.plumbline.gitwatcher.artifact;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipParameters;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * Writes the tree of a commit as a gzip-compressed tar, the artifact the renderer downloads. The bytes depend on the
 * tree and the commit time only: entries sorted by path, every time the commit time, owner 0:0 without names, gzip
 * header without name or time. So the same tree always has the same sha256, whoever builds it and when.
 */
public final class TreeArchiver {

    private static final int REGULAR = 0100644;
    private static final int EXECUTABLE = 0100755;
    private static final int SYMLINK = 0120777;

    private final Repository repository;

    public TreeArchiver(Repository repository) {
        this.repository = repository;
    }

    public void write(String commitSha, OutputStream out) throws IOException {
        try (RevWalk walk = new RevWalk(repository)) {
            RevCommit commit = walk.parseCommit(ObjectId.fromString(commitSha));
            FileTime time = FileTime.from(commit.getCommitterIdent().getWhenAsInstant());
            List<Entry> entries = entries(commit);
            GzipParameters gzip = new GzipParameters();
            gzip.setModificationTime(0);
            try (TarArchiveOutputStream tar = new TarArchiveOutputStream(
                    new GzipCompressorOutputStream(out, gzip), StandardCharsets.UTF_8.name())) {
                tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
                tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
                for (Entry entry : entries) {
                    writeEntry(tar, entry, time);
                }
                tar.finish();
            }
        }
    }

    private record Entry(String path, FileMode mode, ObjectId blob) {}

    private List<Entry> entries(RevCommit commit) throws IOException {
        List<Entry> entries = new ArrayList<>();
        try (TreeWalk tree = new TreeWalk(repository)) {
            tree.addTree(commit.getTree());
            tree.setRecursive(true);
            while (tree.next()) {
                FileMode mode = tree.getFileMode(0);
                // a submodule is another repository's commit: there is nothing of it in this tree to archive
                if (mode == FileMode.GITLINK) {
                    continue;
                }
                entries.add(new Entry(tree.getPathString(), mode, tree.getObjectId(0)));
            }
        }
        entries.sort(Comparator.comparing(Entry::path));
        return entries;
    }

    private void writeEntry(TarArchiveOutputStream tar, Entry entry, FileTime time) throws IOException {
        ObjectLoader blob = repository.open(entry.blob());
        TarArchiveEntry tarEntry;
        if (entry.mode() == FileMode.SYMLINK) {
            tarEntry = new TarArchiveEntry(entry.path(), TarConstants.LF_SYMLINK);
            tarEntry.setLinkName(new String(blob.getBytes(), StandardCharsets.UTF_8));
            tarEntry.setMode(SYMLINK);
        } else {
            tarEntry = new TarArchiveEntry(entry.path(), TarConstants.LF_NORMAL);
            tarEntry.setMode(entry.mode() == FileMode.EXECUTABLE_FILE ? EXECUTABLE : REGULAR);
            tarEntry.setSize(blob.getSize());
        }
        tarEntry.setLastModifiedTime(time);
        tarEntry.setUserId(0);
        tarEntry.setGroupId(0);
        tarEntry.setUserName("");
        tarEntry.setGroupName("");
        tar.putArchiveEntry(tarEntry);
        if (entry.mode() != FileMode.SYMLINK) {
            blob.copyTo(tar);
        }
        tar.closeArchiveEntry();
    }
}
