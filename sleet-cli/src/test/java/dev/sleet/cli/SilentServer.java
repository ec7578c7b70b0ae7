package dev.sleet.cli;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A listener on 127.0.0.1 that accepts connections and never answers, as a hung server or a
 * black-holing proxy does. Closing it closes every connection it accepted, which also frees a
 * client still blocked reading from one.
 */
final class SilentServer implements AutoCloseable {

    static final String HOST = "127.0.0.1";

    private final ServerSocket listener;
    private final List<Socket> accepted = new CopyOnWriteArrayList<>();

    SilentServer() throws IOException {
        listener = new ServerSocket(0, 16, InetAddress.getByName(HOST));
        Thread thread = new Thread(this::accept, "silent-server-" + listener.getLocalPort());
        thread.setDaemon(true);
        thread.start();
    }

    int port() {
        return listener.getLocalPort();
    }

    /** A port on 127.0.0.1 where nothing listens (connections to it are refused). */
    static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            return socket.getLocalPort();
        }
    }

    private void accept() {
        try {
            while (!listener.isClosed()) {
                accepted.add(listener.accept());
            }
        } catch (IOException closed) {
            // close() ends the loop
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
        for (Socket socket : accepted) {
            socket.close();
        }
    }
}
