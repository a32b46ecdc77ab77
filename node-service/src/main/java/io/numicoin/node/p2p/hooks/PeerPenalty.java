package io.numicoin.node.p2p.hooks;

import io.numicoin.p2p.peer.PeerId;

/**
 * The hook sync and gossip call when a peer misbehaves. The node's default disconnects on
 * {@link Severity#FATAL}; the discovery/peers package replaces it with scoring and timed bans
 * (a bean of this type wins over the default).
 */
@FunctionalInterface
public interface PeerPenalty {

    /** How bad the behaviour was. */
    enum Severity {
        /** Could be an accident (a slow answer, a stalled download). */
        MINOR,
        /** Wrong but possibly honest (a block that turned out invalid on a side branch). */
        MAJOR,
        /** Provably malicious or on another network: disconnect now (and ban if the implementation bans). */
        FATAL
    }

    /** Why a peer is penalised; the name is what metrics and logs show. */
    enum Reason {
        WRONG_GENESIS,
        INVALID_BLOCK,
        /**
         * A block with a valid header and proof of work whose body or state is invalid: an honest peer
         * may have relayed it before its own import found out (header-first relay), so it is reported
         * {@link Severity#MINOR} and never leads to a ban ({@code PeerScores} counts it without points).
         */
        INVALID_BODY,
        INVALID_HEADER,
        INVALID_TRANSACTION,
        MALFORMED_MESSAGE,
        UNREQUESTED_DATA,
        STALLED,
        FALSE_TIP_CLAIM,
        LOW_WORK_CHAIN,
        /** Headers we named in our request (or already hold, ending its chain) sent back as an answer. */
        REPLAYED_HEADERS
    }

    void penalise(PeerId peer, Reason reason, Severity severity, String detail);
}
