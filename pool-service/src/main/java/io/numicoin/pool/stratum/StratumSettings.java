package io.numicoin.pool.stratum;

import io.numicoin.pool.share.VardiffSettings;
import java.net.InetAddress;
import java.time.Duration;

/**
 * The Stratum server's limits.
 *
 * @param maxLineBytes a request line longer than this closes the connection
 * @param idleTimeout a connection that sends nothing for this long is closed
 * @param handshakeTimeout a connection not subscribed and authorized within this is closed
 * @param maxConnections connections held at once (more are closed on accept)
 * @param maxConnectionsPerIp connections held at once from one address
 * @param maxWorkersPerConnection {@code mining.authorize} calls that may succeed on one connection
 * @param submitsPerSecond a connection's sustained share rate (each costs an Argon2id run)
 * @param submitBurst shares a connection may send at once above that rate
 * @param maxSubmitsInFlight a connection's shares queued or being checked at once
 * @param invalidWindow the period invalid shares are counted over
 * @param invalidLimit invalid shares within {@code invalidWindow} that ban a connection's worker
 * @param banDuration how long a ban lasts
 * @param ipBanAfter worker bans from one address within a ban duration that ban the address
 */
public record StratumSettings(InetAddress address, int port, int maxLineBytes, Duration idleTimeout, Duration handshakeTimeout,
        int maxConnections, int maxConnectionsPerIp, int maxWorkersPerConnection, double submitsPerSecond, int submitBurst,
        int maxSubmitsInFlight, Duration invalidWindow, int invalidLimit, Duration banDuration, int ipBanAfter,
        VardiffSettings vardiff, long startDifficulty) {
}
