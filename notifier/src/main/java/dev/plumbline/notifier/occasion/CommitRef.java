package dev.plumbline.notifier.occasion;

/**
 * The commit behind a revision, as the audit trail recorded it when the commit was detected.
 *
 * @param sha     the full commit SHA
 * @param author  the Git author, for example {@code Ana Lima <ana@example.com>}
 * @param summary the audit record's one line, for example {@code commit 9f8e7d on main: Scale web to 3}
 */
public record CommitRef(String sha, String author, String summary) {}
