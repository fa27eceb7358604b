/**
 * Pull requests on the config repository's Git host: GitHub (and GitHub Enterprise Server), GitLab merge requests,
 * Gitea (and the sandbox Git server, which answers Gitea's API) and Bitbucket Cloud, each over its documented REST
 * API on {@code java.net.http}. {@link dev.plumbline.imageupdater.host.PullRequestHosts#of} makes the client for one
 * project; failures are {@link dev.plumbline.imageupdater.host.HostException}s whose message says what to do and
 * never shows the token.
 */
package dev.plumbline.imageupdater.host;
