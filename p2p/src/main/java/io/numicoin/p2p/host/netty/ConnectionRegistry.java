package io.numicoin.p2p.host.netty;

import io.numicoin.p2p.host.Connection;
import io.numicoin.p2p.host.ConnectionListener;
import io.numicoin.p2p.peer.PeerId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A host's established connections and the listeners told when they open and close. Thread-safe. */
final class ConnectionRegistry {

    private static final Logger log = LoggerFactory.getLogger(ConnectionRegistry.class);

    private final Set<MuxedConnection> connections = ConcurrentHashMap.newKeySet();
    private final List<ConnectionListener> listeners = new CopyOnWriteArrayList<>();

    void addListener(ConnectionListener listener) {
        listeners.add(listener);
    }

    void removeListener(ConnectionListener listener) {
        listeners.remove(listener);
    }

    /** Registers an established connection, tells the listeners, and unregisters it when it closes. */
    void add(MuxedConnection connection) {
        connections.add(connection);
        connection.closeFuture().thenRun(() -> {
            connections.remove(connection);
            log.debug("disconnected {}", connection);
            listeners.forEach(l -> notify(() -> l.onDisconnected(connection)));
        });
        log.debug("connected {}", connection);
        listeners.forEach(l -> notify(() -> l.onConnected(connection)));
    }

    Optional<Connection> find(PeerId peer) {
        return connections.stream().filter(c -> c.remotePeer().equals(peer) && c.isOpen()).map(c -> (Connection) c).findFirst();
    }

    List<Connection> all() {
        return new ArrayList<>(connections);
    }

    /** Closes every connection to {@code peer} (all of them when null). */
    CompletableFuture<Void> close(PeerId peer) {
        return CompletableFuture.allOf(connections.stream().filter(c -> peer == null || c.remotePeer().equals(peer))
                .map(MuxedConnection::close).toArray(CompletableFuture[]::new));
    }

    private static void notify(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            log.warn("connection listener failed", e);
        }
    }
}
