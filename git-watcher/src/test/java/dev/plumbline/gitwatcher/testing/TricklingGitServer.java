package dev.plumbline.gitwatcher.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A hostile Git server over smart HTTP: it answers the ref advertisement with a valid start, then one more ref line,
 * a byte at a time, every {@code every} milliseconds, forever. Each read gets a byte well within any read timeout, so
 * only a deadline on the whole fetch ends it.
 */
public final class TricklingGitServer implements AutoCloseable {

    private static final String SHA = "1f2e3d4c5b6a79881f2e3d4c5b6a79881f2e3d4c";

    private final HttpServer server;
    private final ScheduledExecutorService drip = Executors.newScheduledThreadPool(2);
    private final long everyMillis;

    public TricklingGitServer(long everyMillis) throws IOException {
        this.everyMillis = everyMillis;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::trickle);
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
    }

    public String repositoryUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/slow.git";
    }

    private void trickle(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "application/x-git-upload-pack-advertisement");
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        out.write(pkt("# service=git-upload-pack\n"));
        out.write("0000".getBytes(StandardCharsets.US_ASCII));
        out.flush();
        Ticker ticker = new Ticker(out);
        ticker.future = drip.scheduleAtFixedRate(ticker, everyMillis, everyMillis, TimeUnit.MILLISECONDS);
    }

    /** Writes the next byte of an endless list of refs; stops when the client has gone. */
    private static final class Ticker implements Runnable {
        private final OutputStream out;
        private volatile ScheduledFuture<?> future;
        private byte[] line = new byte[0];
        private int position;
        private int ref;

        Ticker(OutputStream out) {
            this.out = out;
        }

        @Override
        public void run() {
            try {
                if (position == line.length) {
                    line = pkt(SHA + " refs/heads/branch-" + ref++ + "\n");
                    position = 0;
                }
                out.write(line[position++]);
                out.flush();
            } catch (IOException clientGone) {
                if (future != null) {
                    future.cancel(false);
                }
            }
        }
    }

    private static byte[] pkt(String payload) {
        byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
        return (String.format("%04x", bytes.length + 4) + payload).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        drip.shutdownNow();
        server.stop(0);
    }
}
