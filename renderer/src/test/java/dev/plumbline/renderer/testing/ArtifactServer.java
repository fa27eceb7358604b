package dev.plumbline.renderer.testing;

import com.sun.net.httpserver.HttpServer;
import dev.plumbline.events.git.Artifact;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** A git-watcher's artifact endpoint in miniature: serves tarballs over real HTTP on the loopback interface. */
public final class ArtifactServer implements AutoCloseable {

    private final HttpServer server;
    private final Map<String, byte[]> artifacts = new ConcurrentHashMap<>();
    private final Map<String, String> redirects = new ConcurrentHashMap<>();
    private final Map<String, Hold> holds = new ConcurrentHashMap<>();
    private final AtomicInteger downloads = new AtomicInteger();
    private final ExecutorService handlers = Executors.newCachedThreadPool();

    public ArtifactServer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/artifacts/", exchange -> {
            Hold hold = holds.remove(exchange.getRequestURI().getPath());
            if (hold != null) {
                hold.arriveAndWait();
            }
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
        server.setExecutor(handlers); // a held download must not hold up the others
        server.start();
    }

    /**
     * A download held back until released: the first download of an artifact after {@link #hold} waits for
     * {@link #release}; the ones after it are served at once.
     */
    public static final class Hold {

        private final CountDownLatch arrived = new CountDownLatch(1);
        private final CountDownLatch released = new CountDownLatch(1);

        private void arriveAndWait() {
            arrived.countDown();
            try {
                released.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        /** Waits until the held download was asked for. */
        public void awaitArrival() throws InterruptedException {
            if (!arrived.await(30, TimeUnit.SECONDS)) {
                throw new AssertionError("the held artifact was never downloaded");
            }
        }

        public void release() {
            released.countDown();
        }
    }

    /** Holds back the next download of the artifact until the returned hold is released. */
    public Hold hold(Artifact artifact) {
        Hold hold = new Hold();
        holds.put(URI.create(artifact.url()).getPath(), hold);
        return hold;
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
        handlers.shutdownNow();
    }
}
