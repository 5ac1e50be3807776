package org.griddesk.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/// One HTTP/1.1 exchange over a plain socket with the request's bytes exactly as given: for the
/// requests no HTTP client would send (broken framing, a bad request line, lengths that lie). The
/// request is written from its own thread while the answer is read, and the writing side is shut
/// after it (a body shorter than its `Content-Length` then ends there); a server that answers
/// before the whole request is written (431, 413) may cut the writing short, which is expected.
public final class RawHttp {
    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    /// The answer: its status, headers (names in lower case) and body.
    public record Answer(int status, Map<String, String> headers, String body) {
        public String contentType() {
            return headers.getOrDefault("content-type", "");
        }
    }

    private RawHttp() {
    }

    public static Answer exchange(int port, byte[] request) throws IOException, InterruptedException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout((int) TIMEOUT.toMillis());
            Thread writer = Thread.ofVirtual().start(() -> {
                try {
                    socket.getOutputStream().write(request);
                    socket.getOutputStream().flush();
                    socket.shutdownOutput();
                } catch (IOException refusedBeforeTheEnd) {
                    // the server answered and closed while this was still writing
                }
            });
            Answer answer = read(socket.getInputStream());
            writer.join(TIMEOUT);
            return answer;
        }
    }

    public static Answer exchange(int port, String request) throws IOException, InterruptedException {
        return exchange(port, request.getBytes(StandardCharsets.UTF_8));
    }

    private static Answer read(InputStream in) throws IOException {
        String head = head(in);
        String[] lines = head.split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.put(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).strip());
        }
        byte[] body = headers.containsKey("content-length") ? in.readNBytes(Integer.parseInt(headers.get("content-length")))
                : readToEnd(in);
        return new Answer(status, headers, new String(body, StandardCharsets.UTF_8));
    }

    /// The status line and headers, up to the blank line.
    private static String head(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("the connection closed after " + head.size() + " bytes of an answer: " + head);
            }
            head.write(b);
            matched = b == "\r\n\r\n".charAt(matched) ? matched + 1 : b == '\r' ? 1 : 0;
        }
        return head.toString(StandardCharsets.ISO_8859_1).strip();
    }

    private static byte[] readToEnd(InputStream in) throws IOException {
        try {
            return in.readAllBytes();
        } catch (SocketException reset) {
            return new byte[0];
        }
    }
}
