package dev.plumbline.renderer.testing;

import com.sun.net.httpserver.HttpServer;
import dev.plumbline.events.git.Artifact;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** A git-watcher's artifact endpoint in miniature: serves tarballs over real HTTP on the loopback interface. */
public final class ArtifactServer implements AutoCloseable {

    private final HttpServer server;
    private final Map<String, byte[]> artifacts = new ConcurrentHashMap<>();
    private final Map<String, String> redirects = new ConcurrentHashMap<>();
    private final AtomicInteger downloads = new AtomicInteger();

    public ArtifactServer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/artifacts/", exchange -> {
            byte[] body = artifacts.get(exchange.getRequestURI().getPath());
            String redirect = redirects.get(exchange.getRequestURI().getPath());
            downloads.incrementAndGet();
            if (redirect != null) {
                exchange.getResponseHeaders().add("Location", redirect);
                exchange.sendResponseHeaders(302, -1);
            } else if (body == null) {
                exchange.sendResponseHeaders(404, -1);
            } else {
                exchange.getResponseHeaders().add("Content-Type", "application/gzip");
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
            exchange.close();
        });
        server.start();
    }

    /** Serves the tarball under a name, with its true digest. */
    public Artifact serve(String name, byte[] tarball) {
        return serve(name, tarball, Tarballs.sha256(tarball));
    }

    /** Serves the tarball under a name, claiming any digest. */
    public Artifact serve(String name, byte[] tarball, String claimedSha256) {
        String path = "/artifacts/" + name + ".tar.gz";
        artifacts.put(path, tarball);
        return new Artifact("http://127.0.0.1:" + server.getAddress().getPort() + path, claimedSha256);
    }

    /** Answers a name with a 302 redirect to another artifact, claiming that artifact's digest. */
    public Artifact redirect(String name, Artifact target) {
        String path = "/artifacts/" + name + ".tar.gz";
        redirects.put(path, target.url());
        return new Artifact("http://127.0.0.1:" + server.getAddress().getPort() + path, target.sha256());
    }

    /** Downloads asked for so far, served or not. */
    public int downloads() {
        return downloads.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
