package dev.plumbline.sandbox.git;

import jakarta.servlet.DispatcherType;
import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jgit.http.server.GitServlet;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.transport.ReceivePack;

/**
 * A Git smart-HTTP server (JGit's {@link GitServlet} on embedded Jetty) serving the bare repositories below a
 * root folder at {@code http://127.0.0.1:PORT/<name>.git}, for clone, fetch and push over the real protocol, and
 * the pull-request part of Gitea's API at {@code /api/v1} ({@link PullRequestApi}). With {@link BasicCredentials}
 * every request needs them (or a read-only user's); without, anyone on this machine may read and push.
 */
public final class GitServer implements AutoCloseable {

    static final String HOST = "127.0.0.1";

    private final RepositoryRoot root;
    private final List<BasicAuthFilter.Account> accounts;
    private Server jetty;

    /** A server without authentication. */
    public GitServer(Path root) {
        this(root, List.of());
    }

    /** A server that answers only requests carrying these credentials, which may read and write. */
    public GitServer(Path root, BasicCredentials credentials) {
        this(root, List.of(new BasicAuthFilter.Account(Objects.requireNonNull(credentials, "credentials"), true)));
    }

    /**
     * A server with two users: {@code writer} may read and write, {@code reader} may clone and fetch and read the
     * API, but is refused a push (403) and any API call that changes something.
     */
    public GitServer(Path root, BasicCredentials writer, BasicCredentials reader) {
        this(root, accounts(writer, reader));
    }

    private GitServer(Path root, List<BasicAuthFilter.Account> accounts) {
        this.root = new RepositoryRoot(Objects.requireNonNull(root, "root"));
        this.accounts = accounts;
    }

    private static List<BasicAuthFilter.Account> accounts(BasicCredentials writer, BasicCredentials reader) {
        Objects.requireNonNull(writer, "writer");
        Objects.requireNonNull(reader, "reader");
        if (writer.username().equals(reader.username())) {
            throw new IllegalArgumentException(
                    "the reader and the writer are two users with two names, not both " + writer.username());
        }
        if (writer.password().equals(reader.password())) {
            throw new IllegalArgumentException("the reader and the writer have different passwords");
        }
        return List.of(new BasicAuthFilter.Account(writer, true), new BasicAuthFilter.Account(reader, false));
    }

    /** Starts on a free port. */
    public GitServer start() {
        return start(0);
    }

    /** Starts on the given port, or on a free one for 0. */
    public synchronized GitServer start(int port) {
        if (jetty != null) {
            throw new IllegalStateException("the Git server is already started at " + url());
        }
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost(HOST);
        connector.setPort(port);
        server.addConnector(connector);
        server.setHandler(servletContext());
        try {
            server.start();
        } catch (Exception e) {
            IllegalStateException failure = new IllegalStateException(
                    "the Git server did not start on port " + port + ": " + e.getMessage(), e);
            try {
                server.stop();
            } catch (Exception stopFailure) {
                failure.addSuppressed(stopFailure);
            }
            throw failure;
        }
        jetty = server;
        return this;
    }

    private ServletContextHandler servletContext() {
        GitServlet git = new GitServlet();
        git.setRepositoryResolver(root);
        // JGit enables push only for authenticated users by default; here the filter below is the gate
        git.setReceivePackFactory((request, repository) -> {
            ReceivePack receivePack = new ReceivePack(repository);
            String user = request.getRemoteUser();
            if (user != null) {
                receivePack.setRefLogIdent(new PersonIdent(user, user + "@" + HOST));
            }
            return receivePack;
        });
        ServletContextHandler context = new ServletContextHandler("/");
        context.addServlet(new ServletHolder("git", git), "/*");
        context.addServlet(new ServletHolder("pull-requests", new PullRequestApi(root)), "/api/v1/*");
        if (!accounts.isEmpty()) {
            context.addFilter(
                    new FilterHolder(new BasicAuthFilter(accounts)), "/*", EnumSet.of(DispatcherType.REQUEST));
        }
        return context;
    }

    /** The server's base URL, {@code http://127.0.0.1:PORT}, without a trailing slash. */
    public synchronized String url() {
        if (jetty == null) {
            throw new IllegalStateException("the Git server is not started");
        }
        return "http://" + HOST + ":" + ((ServerConnector) jetty.getConnectors()[0]).getLocalPort();
    }

    /** The clone URL of a repository: {@code org/app} and {@code org/app.git} both give {@code …/org/app.git}. */
    public String repositoryUrl(String name) {
        return url() + "/" + RepositoryRoot.canonicalName(name);
    }

    /** The folder whose bare repositories are served. */
    public Path root() {
        return root.path();
    }

    /**
     * Creates the bare repository {@code name} (default branch {@code main}) below the root, or leaves it as it
     * is when it exists. Works before and after {@link #start()}.
     *
     * @return the repository's folder
     */
    public Path createBareRepository(String name) {
        try {
            return root.createBare(name);
        } catch (IOException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** Stops the server; the repositories stay on disk. Idempotent. */
    @Override
    public synchronized void close() {
        if (jetty == null) {
            return;
        }
        Server server = jetty;
        jetty = null;
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("the Git server did not stop cleanly: " + e.getMessage(), e);
        }
    }
}
