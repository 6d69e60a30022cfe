package fr.dataterritoires.gateway.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A service that accepts connections and reads requests but never answers: the slowest possible backend. Its
 * sockets stay open until it is closed, so a caller can only leave by its own timeout. {@link #stalling()} answers
 * the status, the headers and the beginning of a body, then nothing more.
 */
public final class SilentService implements AutoCloseable {


    private final ServerSocket server;
    private final List<Socket> held = new CopyOnWriteArrayList<>();
    private final boolean stalls;
    private final int bytesBeforeStalling;

    public SilentService() {
        this(false, 0);
    }

    /** A service that starts answering (status, headers, {@code bytesBeforeStalling} of its body), then stalls. */
    public static SilentService stalling(int bytesBeforeStalling) {
        return new SilentService(true, bytesBeforeStalling);
    }

    private SilentService(boolean stalls, int bytesBeforeStalling) {
        this.stalls = stalls;
        this.bytesBeforeStalling = bytesBeforeStalling;
        try {
            server = new ServerSocket();
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread.ofPlatform().daemon().name("silent-service").start(() -> {
            while (!server.isClosed()) {
                try {
                    Socket socket = server.accept();
                    held.add(socket);
                    if (stalls) {
                        Thread.ofVirtual().start(() -> answerPartly(socket));
                    }
                } catch (IOException e) {
                    return;
                }
            }
        });
    }

    private void answerPartly(Socket socket) {
        try {
            // the request's head, then the beginning of an answer, and silence
            java.io.InputStream in = socket.getInputStream();
            int matched = 0;
            byte[] end = {'\r', '\n', '\r', '\n'};
            while (matched < end.length) {
                int b = in.read();
                if (b < 0) {
                    return;
                }
                matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
            }
            byte[] head = ("HTTP/1.1 200 OK\r\nContent-Type: text/csv\r\nContent-Length: "
                    + (bytesBeforeStalling + 100) + "\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            socket.getOutputStream().write(head);
            byte[] line = "région;feuille de route;avancement\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
            for (int sent = 0; sent < bytesBeforeStalling; sent += line.length) {
                socket.getOutputStream().write(line, 0, Math.min(line.length, bytesBeforeStalling - sent));
            }
            socket.getOutputStream().flush();
        } catch (IOException e) {
            // the caller left
        }
    }

    public String url() {
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    public int connectionsAccepted() {
        return held.size();
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket socket : held) {
            socket.close();
        }
    }
}
