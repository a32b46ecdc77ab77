package io.numicoin.node.api.dto;

import com.fasterxml.jackson.annotation.JsonInclude;

/** One known peer; times are ISO-8601, absent when never. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PeerView(
        String address,
        String peerId,
        String agent,
        String lastSeen,
        String lastSuccess,
        int failures,
        String bannedUntil,
        String banReason) {
}
