package io.numicoin.node.relay;

import static org.assertj.core.api.Assertions.assertThat;

import io.numicoin.node.query.AccountRecord;
import io.numicoin.protocol.codec.TransactionCodec;
import io.numicoin.protocol.money.Amount;
import io.numicoin.protocol.tx.TransferTx;
import io.numicoin.testkit.ChainBuilder;
import io.numicoin.testkit.TestKeys;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class TipStateRuleTest {

    static final ChainBuilder BUILDER = ChainBuilder.regtest();
    static final TipStateRule RULE = new TipStateRule(new RelayPolicy(1000, 16, 10));

    /** Key 5's account: 1 NUMI, nonce 4, at height 200. */
    static AccountRecord account(long balance) {
        return new AccountRecord(TestKeys.address(5), Amount.ofUnits(balance), 4, Amount.ofUnits(0), 200);
    }

    static TipCheck check(TransferTx tx, long balance) {
        return RULE.check(tx, TransactionCodec.encode(tx).length, account(balance));
    }

    @Test
    void aTransferTheSenderCanPayWithTheNextNonceAndEnoughFeePasses() {
        TransferTx tx = BUILDER.transfer(5, TestKeys.address(6), 90_000_000, 10_000, 5);
        assertThat(check(tx, 90_010_000).isPassed()).isTrue();
        assertThat(check(BUILDER.transfer(5, TestKeys.address(6), 1, 10_000, 5 + 16), 100_000_000).isPassed()).isTrue();
        assertThat(check(BUILDER.transfer(5, TestKeys.address(6), 1, 10_000, 5, 201), 100_000_000).isPassed()).isTrue();
    }

    @Test
    void eachRuleHasItsReason() {
        assertThat(check(BUILDER.transfer(5, TestKeys.address(6), 1, 10_000, 5, 200), 100_000_000).reason())
                .isEqualTo(TipRejectReason.EXPIRED);
        assertThat(check(BUILDER.transfer(5, TestKeys.address(6), 1, 10_000, 4), 100_000_000).reason())
                .isEqualTo(TipRejectReason.NONCE_TOO_LOW);
        assertThat(check(BUILDER.transfer(5, TestKeys.address(6), 1, 10_000, 5 + 17), 100_000_000).reason())
                .isEqualTo(TipRejectReason.NONCE_TOO_HIGH);
        assertThat(check(BUILDER.transfer(5, TestKeys.address(6), 90_000_000, 10_000, 5), 90_009_999).reason())
                .isEqualTo(TipRejectReason.INSUFFICIENT_BALANCE);
        TipCheck cheap = check(BUILDER.transfer(5, TestKeys.address(6), 1, 100, 5), 100_000_000);
        assertThat(cheap.reason()).isEqualTo(TipRejectReason.FEE_RATE_TOO_LOW);
        assertThat(cheap.detail()).contains("the minimum is 1000");
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 7, 42})
    void theFeeRateBoundaryIsTheMempoolsRoundedDownRate(long seed) {
        Random random = new Random(seed);
        TransferTx probe = BUILDER.transfer(5, TestKeys.address(6), 1 + random.nextInt(1000), 1, 5);
        int size = TransactionCodec.encode(probe).length;
        long minimum = (1000L * size + 999) / 1000;   // the smallest fee with fee * 1000 / size >= 1000
        assertThat(TipStateRule.feeRate(minimum, size)).isGreaterThanOrEqualTo(1000);
        assertThat(TipStateRule.feeRate(minimum - 1, size)).isLessThan(1000);
        assertThat(TipStateRule.feeRate(Long.MAX_VALUE, size)).isPositive();
    }
}
