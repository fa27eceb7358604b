package dev.plumbline.sandbox.git;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** One pull request the sandbox keeps in memory; changed only under the {@link PullRequestStore}'s lock. */
final class PullRequestRecord {

    record Review(long id, String user, String state, String body, String commitId, Instant submittedAt) {}

    final int number;
    final String owner;
    final String repository;
    final String head;
    final String base;
    final String author;
    final Instant createdAt;
    final List<Review> reviews = new ArrayList<>();
    String title;
    String body;
    boolean open = true;
    Instant updatedAt;
    Instant closedAt;
    boolean merged;
    String mergeCommit;
    String mergedBy;
    /** The head's commit when the pull request was closed or merged; while open, the branch's current one is shown. */
    String closedHeadSha;

    PullRequestRecord(
            int number,
            String owner,
            String repository,
            String head,
            String base,
            String author,
            String title,
            String body,
            Instant now) {
        this.number = number;
        this.owner = owner;
        this.repository = repository;
        this.head = head;
        this.base = base;
        this.author = author;
        this.title = title;
        this.body = body;
        this.createdAt = now;
        this.updatedAt = now;
    }
}
