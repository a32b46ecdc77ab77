package io.numicoin.node.api;

import io.numicoin.node.api.body.BoundedBodyReader;
import io.numicoin.node.api.dto.HexBody;
import io.numicoin.node.api.dto.TransactionView;
import io.numicoin.node.api.dto.TxAccepted;
import io.numicoin.node.api.error.Problems;
import io.numicoin.node.api.submit.TransactionSubmitter;
import io.numicoin.node.query.BlockingReads;
import io.numicoin.node.query.TransactionQueries;
import io.numicoin.protocol.codec.TransactionCodec;
import io.numicoin.protocol.hash.Hash256;
import io.numicoin.protocol.tx.ProtocolLimits;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.HexFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Transactions: one on the active chain by txid, and submitting a signed transfer. */
@RestController
@Tag(name = "transactions")
public class TransactionController {

    private final TransactionQueries queries;
    private final BlockingReads reads;
    private final ApiViews views;
    private final BoundedBodyReader bodies;
    private final TransactionSubmitter submitter;

    public TransactionController(TransactionQueries queries, BlockingReads reads, ApiViews views, BoundedBodyReader bodies,
            TransactionSubmitter submitter) {
        this.queries = queries;
        this.reads = reads;
        this.views = views;
        this.bodies = bodies;
        this.submitter = submitter;
    }

    @Operation(summary = "A transaction on the active chain",
            description = "Decoded fields, its block, height and confirmations. Transactions only seen (not yet mined) are 404.")
    @ApiResponse(responseCode = "200", content = {
            @Content(mediaType = "application/json", schema = @Schema(implementation = TransactionView.class)),
            @Content(mediaType = "text/plain", schema = @Schema(type = "string", description = "the encoded transaction, hex"))})
    @GetMapping("/api/v1/transactions/{txid}")
    public Mono<ResponseEntity<Object>> transaction(@PathVariable("txid") String txid,
            @Parameter(description = "json (default) or hex: the encoded transaction")
            @RequestParam(name = "format", defaultValue = "json") String format) {
        Hash256 id = ApiParams.hash("txid", txid);
        if (!format.equals("json") && !format.equals("hex")) {
            throw Problems.invalidParameter("format must be json or hex, got '" + format + "'");
        }
        return reads.read(() -> queries.transaction(id).orElse(null))
                .<ResponseEntity<Object>>map(record -> format.equals("hex")
                        ? ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN)
                                .body(HexFormat.of().formatHex(TransactionCodec.encode(record.transaction())))
                        : ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(views.transaction(record)))
                .switchIfEmpty(Mono.error(() -> Problems.notFound(Problems.TRANSACTION_NOT_FOUND,
                        "no transaction " + id.toHex() + " on the active chain")));
    }

    @Operation(summary = "Submit a signed transfer",
            description = "The encoded transaction as JSON {\"hex\": ...} or application/octet-stream bytes (at most 64 KiB). "
                    + "Checked (decoding, chain id, size, sender = policy address, signatures; then balance, nonce window, "
                    + "minimum relay fee and expiry against the tip), then, with numi.api.mempool-url set, the mempool's "
                    + "verdict (a refusal is its problem, e.g. rule INSUFFICIENT_BALANCE or REPLACEMENT_UNDERPAID); "
                    + "relayed to peers and published once as seen (numi.tx.v1): 202 with the txid and the outcome.")
    @RequestBody(content = {
            @Content(mediaType = "application/json", schema = @Schema(implementation = HexBody.class)),
            @Content(mediaType = "application/octet-stream", schema = @Schema(type = "string", format = "binary"))})
    @ApiResponse(responseCode = "202", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = TxAccepted.class)))
    @PostMapping(path = "/api/v1/transactions", produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<ResponseEntity<TxAccepted>> submit(ServerHttpRequest request) {
        return bodies.read(request, "transaction", ProtocolLimits.MAX_TRANSACTION_BYTES)
                .flatMap(submitter::submit)
                .map(accepted -> ResponseEntity.status(HttpStatus.ACCEPTED).body(accepted));
    }
}
