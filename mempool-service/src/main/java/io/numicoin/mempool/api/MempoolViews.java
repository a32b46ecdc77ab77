package io.numicoin.mempool.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.numicoin.mempool.pool.PoolEntry;
import io.numicoin.mempool.pool.PoolSummary;
import io.numicoin.mempool.pool.SenderPending;
import io.numicoin.protocol.address.AddressFormat;
import io.numicoin.protocol.address.AddressHrp;
import io.numicoin.protocol.codec.TransactionCodec;
import io.numicoin.support.json.AmountJson;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

/** The API's JSON bodies (docs/mempool-api.md). */
public final class MempoolViews {

    private MempoolViews() {
    }

    /** {@code {"hex": "…"}}: a transaction submitted as JSON. */
    public record HexBody(String hex) {
    }

    public record Summary(int count, long bytes, long maxBytes, long minFeeRate, String tipId, long tipHeight,
            List<Bucket> histogram) {

        static Summary of(PoolSummary summary) {
            return new Summary(summary.count(), summary.bytes(), summary.maxBytes(), summary.minFeeRate(),
                    summary.tip().id().toHex(), summary.tip().height(),
                    summary.histogram().stream().map(b -> new Bucket(b.minFeeRate(), b.count(), b.bytes())).toList());
        }
    }

    public record Bucket(long minFeeRate, int count, long bytes) {
    }

    public record TxStatus(String txid, String status, String sender, long nonce, AmountJson fee, int size, long feeRate,
            Instant arrivedAt, String hex) {

        static TxStatus of(PoolEntry entry, AddressHrp hrp) {
            return new TxStatus(entry.txid().toHex(), "PENDING", AddressFormat.encode(entry.sender(), hrp), entry.nonce(),
                    AmountJson.of(entry.fee()), entry.size(), entry.feeRate(), Instant.ofEpochMilli(entry.arrivalMillis()),
                    HexFormat.of().formatHex(TransactionCodec.encode(entry.tx())));
        }
    }

    /** A sender's pending transactions; {@code nextNonce} is null when nothing is pending (ask the node for the account nonce). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SenderView(String address, int pending, Long accountNonce, Long nextNonce) {

        static SenderView of(String address, SenderPending pending) {
            return pending.isEmpty()
                    ? new SenderView(address, 0, null, null)
                    : new SenderView(address, pending.count(), pending.accountNonce(), pending.nextNonce());
        }
    }

    public record Estimate(int blocks, long feeRate, String basis) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Submitted(String txid, String outcome, String replaced) {
    }

    public record TemplateTx(String txid, String sender, long nonce, AmountJson fee, int size, long feeRate, String hex) {

        static TemplateTx of(PoolEntry entry, AddressHrp hrp) {
            return new TemplateTx(entry.txid().toHex(), AddressFormat.encode(entry.sender(), hrp), entry.nonce(),
                    AmountJson.of(entry.fee()), entry.size(), entry.feeRate(), HexFormat.of().formatHex(TransactionCodec.encode(entry.tx())));
        }
    }

    /** {@code chainId}: 8 hex digits, as the node writes it; amounts {@code {"units", "numi"}} ({@link AmountJson}). */
    public record TemplateView(String tipId, long tipHeight, long height, String chainId, int count, long totalBytes,
            AmountJson totalFees, long minFeeRate, List<TemplateTx> transactions) {
    }
}
