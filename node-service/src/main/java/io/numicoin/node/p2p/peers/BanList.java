package io.numicoin.node.p2p.peers;

import io.numicoin.p2p.peer.PeerId;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The bans in force, held in memory for the connection gater (which runs on event loops and must not
 * touch the database) and written through to the {@link AddressBook} so they survive a restart.
 * {@link #load()} reads the stored bans at start.
 *
 * <p>Bans of addresses ({@link AddressBan}) are kept beside them, in memory only: the
 * {@link ConnectionManager} bans the addresses a banned peer is connected from, until the peer's ban
 * ends, so the same machine coming back with a new key is refused before its handshake. A restart
 * forgets them (the peer-id ban stays).
 */
public final class BanList {

    private final AddressBook book;
    private final Clock clock;
    private final java.util.concurrent.Executor persist;
    private final Map<PeerId, Ban> bans = new ConcurrentHashMap<>();
    private final Map<java.net.InetAddress, AddressBan> addressBans = new ConcurrentHashMap<>();
    private final java.util.List<java.util.function.Consumer<Ban>> banListeners = new java.util.concurrent.CopyOnWriteArrayList<>();
    private java.util.concurrent.CompletableFuture<Void> writes = java.util.concurrent.CompletableFuture.completedFuture(null);

    /** Writes bans to the book on the calling thread. */
    public BanList(AddressBook book, Clock clock) {
        this(book, clock, Runnable::run);
    }

    /**
     * @param persist where bans are written to the book: penalties may come from event loops and
     *        gossip threads, which must not wait for the database (the ban holds in memory at once)
     */
    public BanList(AddressBook book, Clock clock, java.util.concurrent.Executor persist) {
        this.book = book;
        this.clock = clock;
        this.persist = persist;
    }

    /** Reads the bans stored in the address book; returns how many are in force. */
    public int load() {
        bans.clear();
        bans.putAll(book.activeBans(clock.instant()));
        return bans.size();
    }

    /** Bans {@code peer} for {@code duration} (extending, never shortening, a ban in force). */
    public Ban ban(PeerId peer, java.time.Duration duration, String reason) {
        Instant until = clock.instant().plus(duration);
        Ban ban = bans.compute(peer, (p, old) -> old != null && old.until().isAfter(until) ? old : new Ban(p, until, reason));
        write(() -> book.ban(peer, ban.until(), ban.reason()));
        banListeners.forEach(listener -> listener.accept(ban));
        return ban;
    }

    /** Calls {@code listener} (on the banning thread) for every ban of a peer, as it is decided. */
    public void onBan(java.util.function.Consumer<Ban> listener) {
        banListeners.add(listener);
    }

    /** Bans {@code address} until {@code until} (extending, never shortening, a ban in force). */
    public AddressBan banAddress(java.net.InetAddress address, Instant until, String reason) {
        return addressBans.compute(address, (a, old) -> old != null && old.until().isAfter(until) ? old : new AddressBan(a, until, reason));
    }

    /** The ban in force on {@code address}, if any (an expired one is forgotten here). */
    public Optional<AddressBan> banOf(java.net.InetAddress address) {
        AddressBan ban = addressBans.get(address);
        if (ban == null) {
            return Optional.empty();
        }
        if (!ban.activeAt(clock.instant())) {
            addressBans.remove(address, ban);
            return Optional.empty();
        }
        return Optional.of(ban);
    }

    public boolean isBanned(java.net.InetAddress address) {
        return banOf(address).isPresent();
    }

    /** Address bans held now (expired ones included until next asked about). */
    public int addressBanCount() {
        return addressBans.size();
    }

    /** Lifts the ban of {@code peer} (address bans run out by themselves, or go with {@link #unbanAddress}). */
    public void unban(PeerId peer) {
        bans.remove(peer);
        write(() -> book.unban(peer));
    }

    public void unbanAddress(java.net.InetAddress address) {
        addressBans.remove(address);
    }

    /** The ban in force on {@code peer}, if any (an expired one is forgotten here). */
    public Optional<Ban> banOf(PeerId peer) {
        Ban ban = bans.get(peer);
        if (ban == null) {
            return Optional.empty();
        }
        if (!ban.activeAt(clock.instant())) {
            bans.remove(peer, ban);
            return Optional.empty();
        }
        return Optional.of(ban);
    }

    public boolean isBanned(PeerId peer) {
        return banOf(peer).isPresent();
    }

    /** Runs database writes one after another, in the order the bans were decided. */
    private synchronized void write(Runnable task) {
        writes = writes.thenRunAsync(task, persist).exceptionally(e -> {
            org.slf4j.LoggerFactory.getLogger(BanList.class).warn("could not store a ban: {}", e.toString());
            return null;
        });
    }

    public int size() {
        return bans.size();
    }
}
