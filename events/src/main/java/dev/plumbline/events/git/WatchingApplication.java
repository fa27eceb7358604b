package dev.plumbline.events.git;

/**
 * An Application that watches a repository, named when a commit is ignored so that a person sees what it
 * watches instead.
 *
 * @param app            the Application's name
 * @param targetRevision the branch, tag or SHA it follows
 * @param path           the folder it renders
 */
public record WatchingApplication(String app, String targetRevision, String path) {}
