package dev.plumbline.sandbox.git;

import jakarta.servlet.DispatcherType;
import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
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
 * root folder at {@code http://127.0.0.1:PORT/<name>.git}, for clone, fetch and push over the real protocol.
 * With {@link BasicCredentials} every request needs them; without, anyone on this machine may read and push.
 */
public final class GitServer implements AutoCloseable {

    static final String HOST = "127.0.0.1";

    private final RepositoryRoot root;
    private final Optional<BasicCredentials> credentials;
    private Server jetty;

    /** A server without authentication. */
    public GitServer(Path root) {
        this(root, Optional.empty());
    }

    /** A server that answers only requests carrying these credentials. */
    public GitServer(Path root, BasicCredentials credentials) {
        this(root, Optional.of(Objects.requireNonNull(credentials, "credentials")));
    }

    private GitServer(Path root, Optional<BasicCredentials> credentials) {
        this.root = new RepositoryRoot(Objects.requireNonNull(root, "root"));
        this.credentials = credentials;
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
        credentials.ifPresent(basic -> context.addFilter(
                new FilterHolder(new BasicAuthFilter(basic)), "/*", EnumSet.of(DispatcherType.REQUEST)));
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
