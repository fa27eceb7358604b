package dev.plumbline.gitwatcher.repo;

/**
 * An Application whose project does not allow the repository it names: nothing is fetched for it.
 *
 * @param app     the Application
 * @param url     the repository, read
 * @param repoUrl the repository as the Application spells it
 * @param project its project
 * @param reason  the project's refusal, naming the rule and who can change it
 */
public record RefusedSource(String app, RepoUrl url, String repoUrl, String project, String reason) {}
