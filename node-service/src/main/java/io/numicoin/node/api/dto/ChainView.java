package io.numicoin.node.api.dto;

/**
 * The active chain: {@code GET /api/v1/chain}.
 *
 * @param cumulativeWork total expected hashes of the chain, decimal (too large for a JSON number)
 * @param tipTimestamp the tip header's time, Unix seconds
 * @param tipTime the same, ISO-8601
 * @param tipAgeSeconds node time minus tip time (negative if the tip is stamped ahead)
 * @param nextTarget the target the next block must meet
 * @param syncState {@code SYNCED} or {@code SYNCING}
 */
public record ChainView(
        String network,
        String tipId,
        long height,
        String cumulativeWork,
        long tipTimestamp,
        String tipTime,
        long tipAgeSeconds,
        TargetView nextTarget,
        String syncState) {
}
