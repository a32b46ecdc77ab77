package io.numicoin.pool.stratum;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Timed bans. A connection that floods invalid shares gets its worker (address and payout
 * address) banned: it is closed and that payout address is refused from that address until the
 * ban ends. An address whose workers are banned {@code ipBanAfter} times within a ban duration is
 * banned as a whole (its connections refused on accept). Bounded: expired entries are dropped.
 */
public final class BanList {

    private static final int MAX_ENTRIES = 100_000;

    private final Duration duration;
    private final int ipBanAfter;
    private final LongSupplier nanoClock;
    private final Map<String, Long> ipBans = new ConcurrentHashMap<>();
    private final Map<String, Long> workerBans = new ConcurrentHashMap<>();
    private final Map<String, Deque<Long>> strikes = new ConcurrentHashMap<>();

    public BanList(Duration duration, int ipBanAfter, LongSupplier nanoClock) {
        this.duration = duration;
        this.ipBanAfter = ipBanAfter;
        this.nanoClock = nanoClock;
    }

    public boolean ipBanned(String ip) {
        return active(ipBans, ip);
    }

    public boolean workerBanned(String ip, String address) {
        return active(workerBans, ip + "/" + address) || ipBanned(ip);
    }

    /** Bans {@code address} mined from {@code ip}; true when the address {@code ip} is now banned as a whole. */
    public boolean banWorker(String ip, String address) {
        long now = nanoClock.getAsLong();
        prune(now);
        long until = now + duration.toNanos();
        workerBans.put(ip + "/" + address, until);
        Deque<Long> times = strikes.computeIfAbsent(ip, k -> new ArrayDeque<>());
        synchronized (times) {
            times.addLast(now);
            while (!times.isEmpty() && now - times.peekFirst() > duration.toNanos()) {
                times.removeFirst();
            }
            if (times.size() >= ipBanAfter) {
                ipBans.put(ip, until);
                return true;
            }
        }
        return false;
    }

    public int size() {
        return ipBans.size() + workerBans.size();
    }

    private boolean active(Map<String, Long> bans, String key) {
        Long until = bans.get(key);
        if (until == null) {
            return false;
        }
        if (until - nanoClock.getAsLong() <= 0) {
            bans.remove(key, until);
            return false;
        }
        return true;
    }

    private void prune(long now) {
        if (ipBans.size() + workerBans.size() + strikes.size() < MAX_ENTRIES) {
            return;
        }
        ipBans.values().removeIf(until -> until - now <= 0);
        workerBans.values().removeIf(until -> until - now <= 0);
        strikes.clear();
    }
}
