package io.numicoin.pool.config;

import io.numicoin.miner.config.MinerProperties;
import io.numicoin.support.argon2.Argon2Mode;
import io.numicoin.protocol.params.Network;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The pool's settings ({@code numi.*}, docs/pool.md).
 *
 * @param network must be the node's
 * @param pool the pool key, PPLNS and payouts
 * @param stratum the Stratum server's address and limits
 * @param vardiff the difficulty controller
 * @param upstream the node and the mempool
 */
@Validated
@ConfigurationProperties(prefix = "numi")
public record PoolProperties(
        @NotNull Network network,
        @Valid @NotNull Pool pool,
        @Valid @DefaultValue Stratum stratum,
        @Valid @DefaultValue Vardiff vardiff,
        @Valid @DefaultValue MinerProperties.Upstream upstream) {

    /**
     * @param keystore the wallet keystore holding the pool's key (coinbase recipient, payout signer)
     * @param passphraseSource {@code file:PATH} or {@code env:VARIABLE} (a variable naming the file)
     * @param createKeyIfMissing make a new key at {@code keystore} when there is none (a fresh devnet or compose run)
     * @param windowWeight PPLNS N: the total share difficulty a block's reward is split over
     * @param feeBasisPoints the pool's cut, 1/100 of a percent
     * @param minPayout an address is paid once its mature credits reach this (units)
     * @param payoutFee the transaction fee of a payout (units, taken out of it)
     * @param payoutInterval how often matured blocks are checked and payouts sent
     * @param payoutExpiryBlocks a payout unmined this many blocks after sending is failed and redone
     * @param validationThreads Argon2id threads checking shares (one Argon2 memory each)
     * @param validationQueue shares waiting for a check before new ones are refused as busy
     * @param argon2 auto (default), java or native, as the miner's
     * @param templatePoll how often the mempool is asked for a better template
     * @param statsWindow the hash-rate window, in minutes
     */
    public record Pool(
            @NotNull Path keystore,
            @NotBlank String passphraseSource,
            @DefaultValue("false") boolean createKeyIfMissing,
            @DefaultValue("1000000") @Min(1) long windowWeight,
            @DefaultValue("100") @Min(0) @Max(10_000) int feeBasisPoints,
            @DefaultValue("100000000") @Min(1) long minPayout,
            @DefaultValue("10000") @Min(1) long payoutFee,
            @DefaultValue("30s") Duration payoutInterval,
            @DefaultValue("60") @Min(1) long payoutExpiryBlocks,
            @DefaultValue("2") @Min(1) @Max(64) int validationThreads,
            @DefaultValue("256") @Min(1) int validationQueue,
            @DefaultValue("auto") Argon2Mode argon2,
            @DefaultValue("2s") Duration templatePoll,
            @DefaultValue("10") @Min(1) @Max(60) int statsWindow) {
    }

    /** {@code numi.stratum.*}: see {@code StratumSettings} for each limit. */
    public record Stratum(
            @DefaultValue("127.0.0.1") String address,
            @DefaultValue("3333") @Min(0) @Max(65_535) int port,
            @DefaultValue("4096") @Min(256) @Max(65_536) int maxLineBytes,
            @DefaultValue("10m") Duration idleTimeout,
            @DefaultValue("30s") Duration handshakeTimeout,
            @DefaultValue("20000") @Min(1) int maxConnections,
            @DefaultValue("64") @Min(1) int maxConnectionsPerIp,
            @DefaultValue("8") @Min(1) @Max(256) int maxWorkersPerConnection,
            @DefaultValue("4") double submitsPerSecond,
            @DefaultValue("20") @Min(1) int submitBurst,
            @DefaultValue("8") @Min(1) int maxSubmitsInFlight,
            @DefaultValue("60s") Duration invalidWindow,
            @DefaultValue("50") @Min(1) int invalidLimit,
            @DefaultValue("10m") Duration banDuration,
            @DefaultValue("5") @Min(1) int ipBanAfter,
            @DefaultValue("120") @Min(1) @Max(290) long maxFutureSeconds) {
    }

    /** {@code numi.vardiff.*}. */
    public record Vardiff(
            @DefaultValue("10s") Duration targetInterval,
            @DefaultValue("60s") Duration retargetInterval,
            @DefaultValue("12") @Min(1) int fastShares,
            @DefaultValue("16") @Min(1) long startDifficulty,
            @DefaultValue("1") @Min(1) long minDifficulty,
            @DefaultValue("1000000000000") @Min(1) long maxDifficulty,
            @DefaultValue("4") double maxStep) {
    }
}
