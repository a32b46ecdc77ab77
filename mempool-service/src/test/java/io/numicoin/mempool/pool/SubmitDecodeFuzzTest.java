package io.numicoin.mempool.pool;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.numicoin.protocol.codec.DecodeException;
import io.numicoin.protocol.codec.TransactionCodec;
import io.numicoin.protocol.crypto.MlDsaProviders;
import io.numicoin.protocol.params.Network;
import io.numicoin.protocol.params.NetworkParams;
import io.numicoin.protocol.tx.CoinbaseTx;
import io.numicoin.protocol.validation.TransactionRules;
import io.numicoin.protocol.validation.TxCheck;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;

/**
 * Jazzer: any bytes submitted to the mempool (the API's body, a {@code TransactionSeen} payload) are
 * turned by {@link Admission#decode} into a transfer whose encoding is exactly those bytes, or into
 * an INVALID result, MALFORMED (the codec refused them) or COINBASE_NOT_ALLOWED (a well-formed
 * coinbase); a decoded transfer then gets a verdict from the stateless rules (signatures included)
 * of the network its chain id names (mainnet's when none). Nothing throws.
 *
 * <p>Under plain {@code mvn test} it runs on the empty input and the committed inputs in
 * {@code src/test/resources/io/numicoin/mempool/pool/SubmitDecodeFuzzTestInputs/submit/}. To fuzz:
 * {@code scripts/fuzz SubmitDecodeFuzzTest} (docs/fuzzing.md).
 */
class SubmitDecodeFuzzTest {

    private static final Map<Network, TransactionRules> RULES = new EnumMap<>(Network.class);

    static {
        for (Network network : Network.values()) {
            RULES.put(network, new TransactionRules(NetworkParams.of(network).chainId(), MlDsaProviders.preferred()));
        }
    }

    @FuzzTest(maxDuration = "60s")
    void submit(byte[] input) {
        Admission.Decoded decoded = Admission.decode(input);
        if (decoded.failure() != null) {
            AddResult failure = decoded.failure();
            if (failure.outcome() != AddOutcome.INVALID || failure.detail() == null) {
                throw new AssertionError("a refusal without outcome INVALID and a detail: " + failure);
            }
            boolean coinbase = isCoinbase(input);
            PoolRejectReason expected = coinbase ? PoolRejectReason.COINBASE_NOT_ALLOWED : PoolRejectReason.MALFORMED;
            if (failure.reason() != expected) {
                throw new AssertionError("refused as " + failure.reason() + ", expected " + expected + ": " + failure.detail());
            }
            return;
        }
        byte[] again = TransactionCodec.encode(decoded.tx());
        if (!Arrays.equals(again, input)) {
            throw new AssertionError("decoded to a transfer that encodes to other bytes: " + decoded.tx());
        }
        TransactionRules rules = RULES.values().stream().filter(r -> r.chainId() == decoded.tx().chainId()).findFirst()
                .orElse(RULES.get(Network.MAINNET));
        TxCheck check = rules.check(decoded.tx(), TransactionCodec.txid(decoded.tx()), input.length);
        if (!check.isValid() && (check.reason() == null || check.detail() == null)) {
            throw new AssertionError("an invalid verdict without a reason: " + check);
        }
    }

    private static boolean isCoinbase(byte[] input) {
        try {
            return TransactionCodec.decode(input) instanceof CoinbaseTx;
        } catch (DecodeException refused) {
            return false;
        }
    }
}
