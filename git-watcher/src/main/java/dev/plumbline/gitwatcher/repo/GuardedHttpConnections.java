package dev.plumbline.gitwatcher.repo;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ProtocolException;
import java.net.Proxy;
import java.net.URL;
import java.security.GeneralSecurityException;
import java.security.KeyManagementException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import javax.net.ssl.HostnameVerifier;
import javax.net.ssl.KeyManager;
import javax.net.ssl.TrustManager;
import org.eclipse.jgit.transport.HttpTransport;
import org.eclipse.jgit.transport.http.HttpConnection;
import org.eclipse.jgit.transport.http.HttpConnectionFactory;
import org.eclipse.jgit.transport.http.HttpConnectionFactory2;

/**
 * JGit's HTTP connections for one fetch, each response read through a stream that counts its bytes against the size
 * cap and fails a read once the deadline has passed, so a server trickling a byte at a time cannot hold the fetch;
 * and no connection waits for a read longer than the time left. Set on the fetch's own transport, never JVM-wide.
 */
final class GuardedHttpConnections implements HttpConnectionFactory2 {

    private final HttpConnectionFactory delegate = HttpTransport.getConnectionFactory();
    private final FetchGuard guard;

    GuardedHttpConnections(FetchGuard guard) {
        this.guard = guard;
    }

    @Override
    public HttpConnection create(URL url) throws IOException {
        guard.check();
        return new Guarded(delegate.create(url), guard);
    }

    @Override
    public HttpConnection create(URL url, Proxy proxy) throws IOException {
        guard.check();
        return new Guarded(delegate.create(url, proxy), guard);
    }

    /** The delegate's session (TLS settings per fetch), given the delegate's own connection to configure. */
    @Override
    public GitSession newSession() {
        if (!(delegate instanceof HttpConnectionFactory2 sessions)) {
            return new GitSession() {
                @Override
                public HttpConnection configure(HttpConnection connection, boolean sslVerify) {
                    return connection;
                }

                @Override
                public void close() {
                    // nothing was opened
                }
            };
        }
        GitSession session = sessions.newSession();
        return new GitSession() {
            @Override
            public HttpConnection configure(HttpConnection connection, boolean sslVerify)
                    throws IOException, GeneralSecurityException {
                HttpConnection inner = connection instanceof Guarded guarded ? guarded.delegate() : connection;
                HttpConnection configured = session.configure(inner, sslVerify);
                return configured == inner ? connection : new Guarded(configured, guard);
            }

            @Override
            public void close() {
                session.close();
            }
        };
    }

    /** Counts and checks every read of a response. */
    private static final class GuardedStream extends FilterInputStream {

        private final FetchGuard guard;

        GuardedStream(InputStream in, FetchGuard guard) {
            super(in);
            this.guard = guard;
        }

        @Override
        public int read() throws IOException {
            guard.check();
            int b = super.read();
            if (b >= 0) {
                guard.received(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            guard.check();
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                guard.received(n);
            }
            return n;
        }
    }

    /** One connection: the delegate's, with a guarded response stream and a read timeout within the deadline. */
    private record Guarded(HttpConnection delegate, FetchGuard guard) implements HttpConnection {

        @Override
        public InputStream getInputStream() throws IOException {
            guard.check();
            return new GuardedStream(delegate.getInputStream(), guard);
        }

        @Override
        public void setReadTimeout(int millis) {
            long left = Math.max(1, guard.remainingMillis());
            delegate.setReadTimeout((int) (millis <= 0 ? Math.min(left, Integer.MAX_VALUE) : Math.min(millis, left)));
        }

        @Override
        public void setConnectTimeout(int millis) {
            long left = Math.max(1, guard.remainingMillis());
            delegate.setConnectTimeout(
                    (int) (millis <= 0 ? Math.min(left, Integer.MAX_VALUE) : Math.min(millis, left)));
        }

        @Override
        public int getResponseCode() throws IOException {
            guard.check();
            return delegate.getResponseCode();
        }

        @Override
        public URL getURL() {
            return delegate.getURL();
        }

        @Override
        public String getResponseMessage() throws IOException {
            return delegate.getResponseMessage();
        }

        @Override
        public Map<String, List<String>> getHeaderFields() {
            return delegate.getHeaderFields();
        }

        @Override
        public void setRequestProperty(String key, String value) {
            delegate.setRequestProperty(key, value);
        }

        @Override
        public void setRequestMethod(String method) throws ProtocolException {
            delegate.setRequestMethod(method);
        }

        @Override
        public void setUseCaches(boolean useCaches) {
            delegate.setUseCaches(useCaches);
        }

        @Override
        public String getContentType() {
            return delegate.getContentType();
        }

        @Override
        public String getHeaderField(String name) {
            return delegate.getHeaderField(name);
        }

        @Override
        public List<String> getHeaderFields(String name) {
            return delegate.getHeaderFields(name);
        }

        @Override
        public int getContentLength() {
            return delegate.getContentLength();
        }

        @Override
        public void setInstanceFollowRedirects(boolean follow) {
            delegate.setInstanceFollowRedirects(follow);
        }

        @Override
        public void setDoOutput(boolean doOutput) {
            delegate.setDoOutput(doOutput);
        }

        @Override
        public void setFixedLengthStreamingMode(int contentLength) {
            delegate.setFixedLengthStreamingMode(contentLength);
        }

        @Override
        public OutputStream getOutputStream() throws IOException {
            return delegate.getOutputStream();
        }

        @Override
        public void setChunkedStreamingMode(int chunkLength) {
            delegate.setChunkedStreamingMode(chunkLength);
        }

        @Override
        public String getRequestMethod() {
            return delegate.getRequestMethod();
        }

        @Override
        public boolean usingProxy() {
            return delegate.usingProxy();
        }

        @Override
        public void connect() throws IOException {
            guard.check();
            delegate.connect();
        }

        @Override
        public void configure(KeyManager[] km, TrustManager[] tm, SecureRandom random)
                throws NoSuchAlgorithmException, KeyManagementException {
            delegate.configure(km, tm, random);
        }

        @Override
        public void setHostnameVerifier(HostnameVerifier verifier)
                throws NoSuchAlgorithmException, KeyManagementException {
            delegate.setHostnameVerifier(verifier);
        }
    }
}
