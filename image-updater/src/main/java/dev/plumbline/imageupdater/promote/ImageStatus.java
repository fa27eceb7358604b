package dev.plumbline.imageupdater.promote;

import java.time.Instant;

/**
 * What {@code GET /api/images} shows of one image of one app.
 *
 * @param app         the Application
 * @param repository  the image repository
 * @param policy      the policy in a few words; null for an image only promoted from CI
 * @param current     the reference the config repository holds; null until read
 * @param chosen      the newest image the policy chose, {@code tag@digest}; null until one is
 * @param open        the open pull request; null when none
 * @param lastCheck   when the registry was last read successfully; null before
 * @param lastError   the last failure's message; null after a success
 * @param nextAttempt when a failing registry is tried again; null when it is not failing
 * @param failures    failures in a row
 */
public record ImageStatus(
        String app,
        String repository,
        String policy,
        String current,
        String chosen,
        OpenPromotion open,
        Instant lastCheck,
        String lastError,
        Instant nextAttempt,
        int failures) {}
