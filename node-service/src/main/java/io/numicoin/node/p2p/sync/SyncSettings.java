package io.numicoin.node.p2p.sync;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code numi.p2p.sync.*}: how headers-first sync asks peers (bound as part of {@code P2pProperties}).
 *
 * @param headersPerRequest headers asked for (and served) per request, at most 2,000
 * @param blocksInFlightPerPeer block requests outstanding per peer
 * @param blockWindow how far past the connected tip bodies are requested
 * @param stallTimeout a block request unanswered this long is cancelled and asked of another peer
 * @param requestTimeout status and headers request timeout
 * @param powThreads threads verifying header proofs of work (0 = one per processor)
 * @param tick how often the sync loop looks for work
 * @param bootstrapRetry how often the bootstrap list is dialled again while no peer is connected
 * @param checkAhead threads checking requested bodies (signatures) while earlier blocks are written; 0 checks each on import
 */
public record SyncSettings(
        @DefaultValue("2000") @Min(1) @Max(2000) int headersPerRequest,
        @DefaultValue("16") @Min(1) @Max(64) int blocksInFlightPerPeer,
        @DefaultValue("1024") @Min(16) int blockWindow,
        @DefaultValue("10s") Duration stallTimeout,
        @DefaultValue("20s") Duration requestTimeout,
        @DefaultValue("0") @Min(0) int powThreads,
        @DefaultValue("200ms") Duration tick,
        @DefaultValue("5s") Duration bootstrapRetry,
        @DefaultValue("2") @Min(0) @Max(16) int checkAhead) {
}
