package io.numicoin.miner.config;

import io.numicoin.support.argon2.Argon2Mode;
import io.numicoin.protocol.params.Network;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The miner's settings ({@code numi.*}). Consensus constants (Argon2 cost, subsidy, difficulty)
 * come from the network's {@code NetworkParams}, never from here.
 *
 * @param network mainnet, testnet or regtest: must be the node's
 * @param miner what and how to mine
 * @param upstream the node and mempool services it talks to (the pool's too: pool-service binds
 *     the same record)
 */
@Validated
@ConfigurationProperties(prefix = "numi")
public record MinerProperties(
        @NotNull Network network,
        @Valid @NotNull Miner miner,
        @Valid @DefaultValue Upstream upstream) {

    /**
     * {@code numi.miner.*}.
     *
     * @param payoutAddress bech32m address of this network that every coinbase pays (checked at startup)
     * @param threads mining threads, each with its own Argon2 memory and nonce range
     * @param argon2 {@code auto} (default: libargon2 through FFM when it loads and agrees, else Java), {@code java} or {@code native}
     * @param templatePoll how often the mempool is asked for a better template
     * @param maxBytes passed to the mempool's template call (bytes of transfers per block)
     * @param maxTransactions passed to the mempool's template call (transfers per block)
     * @param enabled false: the job does not start (the API and health still run)
     * @param pacing regtest only: a pause after each found block, so a local network does not mine
     *     thousands of blocks a minute
     * @param view whose tip to build on: {@code mempool} (its template, tips from {@code numi.chain.v1})
     *     or {@code node} (the upstream node's active tip, polled every {@code templatePoll})
     */
    public record Miner(
            @NotBlank String payoutAddress,
            @DefaultValue("1") @Min(1) @Max(1024) int threads,
            @DefaultValue("auto") Argon2Mode argon2,
            @DefaultValue("5s") Duration templatePoll,
            @DefaultValue("2093056") @Min(0) @Max(2_093_056) int maxBytes,
            @DefaultValue("9999") @Min(0) @Max(9_999) int maxTransactions,
            @DefaultValue("true") boolean enabled,
            @Valid @DefaultValue Pacing pacing,
            @DefaultValue("mempool") MinerView view) {
    }

    /**
     * {@code numi.miner.pacing.*}: after finding a block at height {@code fromHeight} or above, wait
     * until {@code interval} has passed since the previous found block before mining the next one.
     * Off by default ({@code interval} 0); refused on networks other than regtest (MiningConfiguration).
     *
     * @param interval the least time between two found blocks (0 = mine as fast as possible)
     * @param fromHeight blocks below this height are mined at full speed (e.g. to mature a faucet's rewards)
     */
    public record Pacing(
            @DefaultValue("0s") Duration interval,
            @DefaultValue("0") @Min(0) long fromHeight) {

        public boolean enabled() {
            return !interval.isZero() && !interval.isNegative();
        }
    }

    /**
     * {@code numi.upstream.*}: where the node and the mempool answer, and how hard to try.
     *
     * @param timeout deadline of one HTTP call (connect and answer)
     * @param attempts tries of one call before it counts as failed (transient errors only)
     * @param retryBackoff wait after the first failed try of a call; doubles per try
     * @param backoffInitial wait after a failed round of the mining job; doubles up to {@code backoffMax}
     * @param miningToken the node's mining token ({@code numi.api.mining-token}), sent as
     *     {@code Authorization: Bearer}: the node takes blocks and proposals only with it
     * @param miningTokenFile a file whose first line is that token (instead of {@code miningToken})
     */
    public record Upstream(
            @DefaultValue("http://127.0.0.1:8082") URI node,
            @DefaultValue("http://127.0.0.1:8083") URI mempool,
            @DefaultValue("5s") Duration timeout,
            @DefaultValue("3") @Min(1) @Max(10) int attempts,
            @DefaultValue("100ms") Duration retryBackoff,
            @DefaultValue("500ms") Duration backoffInitial,
            @DefaultValue("30s") Duration backoffMax,
            @DefaultValue("65s") Duration submitTimeout,
            @DefaultValue("") String miningToken,
            Path miningTokenFile) {
    }
}
