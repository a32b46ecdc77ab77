package io.numicoin.devnet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.numicoin.protocol.bytes.Bytes;
import io.numicoin.protocol.codec.SpendingPolicyCodec;
import io.numicoin.protocol.codec.TransactionCodec;
import io.numicoin.protocol.crypto.SpendingPolicy;
import io.numicoin.protocol.money.Amount;
import io.numicoin.protocol.params.NetworkParams;
import io.numicoin.protocol.tx.TransferTx;
import io.numicoin.testkit.TestKeys;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The fee {@code transfer create} pays when none is given: enough for the signed size, whatever m-of-n. */
class TransferDefaultFeeTest {

    private static final long MEMPOOL_DEFAULT_MIN_RATE = 1_000;

    @ParameterizedTest(name = "{0}-of-{1}")
    @CsvSource({"1, 1", "2, 3", "3, 5", "5, 5"})
    void theDefaultFeeCoversTheSignedTransferAtTheMempoolsMinimumRate(int threshold, int keys) {
        SpendingPolicy policy = policy(threshold, keys);
        TransferTx unsigned = unsigned(policy);
        Amount fee = TransferCommand.defaultFee(unsigned, policy);
        long signedSize = TransactionCodec.encodedSize(unsigned) + (long) threshold * TransactionCodec.SIGNATURE_ENTRY_SIZE;
        assertThat(fee.units() * 1000 / signedSize).isGreaterThanOrEqualTo(MEMPOOL_DEFAULT_MIN_RATE);
    }

    @Test
    void aTwoOfThreeSpendPaysMoreThanTheSingleKeyDefault() {
        SpendingPolicy policy = policy(2, 3);
        // 3 public keys and 2 signatures: about 12.6 kB; the single-key default (10,000 units) pays 794 per kB there
        assertThat(TransferCommand.defaultFee(unsigned(policy), policy).units()).isGreaterThan(Amount.parseNumi("0.0001").units());
    }

    private static SpendingPolicy policy(int threshold, int keys) {
        return new SpendingPolicy(threshold, java.util.stream.IntStream.rangeClosed(1, keys)
                .mapToObj(n -> TestKeys.key(n).publicKey()).toList());
    }

    private static TransferTx unsigned(SpendingPolicy policy) {
        NetworkParams params = NetworkParams.regtest();
        return new TransferTx(params.chainId(), SpendingPolicyCodec.address(policy), 1, TestKeys.address(9),
                Amount.parseNumi("1"), Amount.parseNumi("0.0001"), 0, Bytes.of(new byte[0]), policy, List.of());
    }
}
