package dev.plumbline.imageupdater.promote;

import java.util.List;
import java.util.Optional;

/** The pull requests of one config repository on its Git host. Failures are {@code HOST_API_FAILED}. */
public interface PullRequests {

    record Request(int number, String url) {}

    record Draft(String title, String body, String branch, String base) {}

    Optional<Request> findOpen(String branch);

    Request open(Draft draft);

    Request update(int number, Draft draft);

    /** Who approved it on the host; empty when nobody did or the host cannot say. */
    List<String> approvers(int number);

    /** The pull requests of each app's config repository, from the write credential that covers it. */
    interface Hosts {

        /** @throws PromotionFailure {@code NO_WRITE_CREDENTIAL} when no credential names a host for the repository */
        PullRequests of(AppSource source);
    }
}
