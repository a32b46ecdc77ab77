package io.numicoin.p2p.protocols.reqresp;

import io.numicoin.p2p.host.ProtocolId;
import java.time.Duration;

/**
 * One request/response protocol: its id, the largest request and response it allows, and how long
 * a request may take (opening the stream to the end of the response; on the serving side, the wait
 * for the request and the handler's answer).
 */
public record RequestResponseProtocol(ProtocolId id, int maxRequestBytes, int maxResponseBytes, Duration timeout) {

    public RequestResponseProtocol {
        if (maxRequestBytes < 0 || maxResponseBytes < 0) {
            throw new IllegalArgumentException("size limits must not be negative");
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("the timeout must be positive");
        }
    }
}
