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
 */
public final class BanList {

    private final AddressBook book;
    private final Clock clock;
    private final Map<PeerId, Ban> bans = new ConcurrentHashMap<>();

    public BanList(AddressBook book, Clock clock) {
        this.book = book;
        this.clock = clock;
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
        book.ban(peer, ban.until(), ban.reason());
        return ban;
    }

    public void unban(PeerId peer) {
        bans.remove(peer);
        book.unban(peer);
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

    public int size() {
        return bans.size();
    }
}
