package dev.plumbline.sandbox.git;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Sends one HTTP request over a plain socket, so that the request path reaches the server byte for byte (HTTP
 * client libraries may normalise {@code ..} away before sending).
 */
final class RawHttp {

    record Response(int status, List<String> headers) {

        boolean hasHeader(String name, String valuePrefix) {
            String prefix = name.toLowerCase() + ": " + valuePrefix.toLowerCase();
            return headers.stream().anyMatch(header -> header.toLowerCase().startsWith(prefix));
        }
    }

    private RawHttp() {}

    static Response get(int port, String path) throws IOException {
        return get(port, path, null);
    }

    static Response get(int port, String path, String username, String password) throws IOException {
        String token = Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        return get(port, path, "Basic " + token);
    }

    private static Response get(int port, String path, String authorization) throws IOException {
        try (Socket socket = new Socket(GitServer.HOST, port)) {
            socket.setSoTimeout(10_000);
            StringBuilder request = new StringBuilder()
                    .append("GET ")
                    .append(path)
                    .append(" HTTP/1.1\r\n")
                    .append("Host: ")
                    .append(GitServer.HOST)
                    .append(':')
                    .append(port)
                    .append("\r\n")
                    .append("Connection: close\r\n");
            if (authorization != null) {
                request.append("Authorization: ").append(authorization).append("\r\n");
            }
            OutputStream out = socket.getOutputStream();
            out.write(request.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
            out.flush();
            BufferedReader in =
                    new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
            int status = Integer.parseInt(in.readLine().split(" ")[1]);
            List<String> headers = new ArrayList<>();
            for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                headers.add(line);
            }
            return new Response(status, headers);
        }
    }
}
