package io.numicoin.node.api;

import io.numicoin.node.api.body.BoundedBodyReader;
import io.numicoin.node.api.error.ApiException;
import io.numicoin.node.api.error.Problems;
import io.numicoin.node.chain.ChainService;
import io.numicoin.protocol.block.Block;
import io.numicoin.protocol.codec.BlockCodec;
import io.numicoin.protocol.codec.BlockHeaderCodec;
import io.numicoin.protocol.codec.DecodeException;
import io.numicoin.protocol.tx.ProtocolLimits;
import io.numicoin.protocol.validation.ProposalResult;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * {@code POST /api/v1/blocks/proposal}: a miner sends its candidate block (any state commitment,
 * timestamp and nonce) and learns whether the body is valid on the current tip and which state
 * commitment to put in the header before mining (BIP 23's proposal mode).
 */
@RestController
@Tag(name = "blocks")
public class ProposalController {

    /** The answer for a valid candidate. */
    public record ProposalView(String tipId, long height, String stateCommitment) {
    }

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final ChainService chain;
    private final BoundedBodyReader bodies;

    public ProposalController(ChainService chain, BoundedBodyReader bodies) {
        this.chain = chain;
        this.bodies = bodies;
    }

    @Operation(summary = "Check a candidate block before mining it",
            description = "Body: the candidate block (JSON {\"hex\"} or octet-stream). 200 with the state commitment the header "
                    + "must carry; 409 problem+json STALE_TIP if it does not extend the tip; 422 naming the BlockRejectReason.")
    @PostMapping(path = "/api/v1/blocks/proposal", produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<ProposalView> propose(ServerHttpRequest request) {
        return bodies.read(request, "block", ProtocolLimits.MAX_BLOCK_BYTES)
                .flatMap(bytes -> Mono.fromCallable(() -> answer(decode(bytes)))
                        .subscribeOn(Schedulers.boundedElastic())
                        .timeout(TIMEOUT));
    }

    private ProposalView answer(Block candidate) {
        return switch (chain.proposeBlock(candidate)) {
            case ProposalResult.Valid valid -> new ProposalView(candidate.header().previousId().toHex(),
                    candidate.height(), valid.stateCommitment().toHex());
            case ProposalResult.Invalid invalid ->
                    throw Problems.blockRejected(BlockHeaderCodec.id(candidate.header()).toHex(), invalid.rejection());
            case ProposalResult.Stale stale -> throw new ApiException(HttpStatus.CONFLICT, "STALE_TIP",
                    "the candidate extends " + candidate.header().previousId() + " but the tip is " + stale.tipId());
        };
    }

    private static Block decode(byte[] bytes) {
        try {
            return BlockCodec.decode(bytes);
        } catch (DecodeException e) {
            throw Problems.decode("block", e);
        }
    }
}
