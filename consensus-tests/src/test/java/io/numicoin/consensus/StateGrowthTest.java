package io.numicoin.consensus;

import static org.assertj.core.api.Assertions.assertThat;

import io.numicoin.protocol.address.Address;
import io.numicoin.protocol.block.Block;
import io.numicoin.protocol.chain.BlockImportResult;
import io.numicoin.protocol.money.Amount;
import io.numicoin.protocol.state.Account;
import io.numicoin.protocol.tx.TransferTx;
import io.numicoin.protocol.validation.BlockRejectReason;
import io.numicoin.protocol.validation.TransactionRules;
import io.numicoin.protocol.validation.TxRejectReason;
import io.numicoin.testkit.TestKeys;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * No free state growth (docs/decisions.md): every transfer pays a positive fee, so an unfunded
 * address cannot send and cannot create its own account; a zero-amount transfer creates no
 * recipient account. Self-transfers are allowed: they cost the fee and advance the nonce.
 */
class StateGrowthTest {

    private Scenario s;
    private Block funded;

    @BeforeEach
    void fundKeyOne() {
        s = new Scenario();
        funded = s.mineAndImport(101, 1).getLast();
    }

    @Test
    void aZeroFeeZeroAmountTransferFromAnUnfundedAddressIsRejectedAndCreatesNoAccount() {
        Address unfunded = TestKeys.address(7);
        TransferTx free = s.builder.transfer(7, TestKeys.address(8), 0, 0, 1);
        assertThat(new TransactionRules(s.builder.params().chainId(), TestKeys.provider()).check(free).reason())
                .isEqualTo(TxRejectReason.ZERO_FEE);

        s.assertRejected(s.builder.child(funded).transfers(free).build(), BlockRejectReason.ZERO_FEE);

        s.assertTipAndState(funded);
        assertThat(s.chain.state().account(unfunded)).isEqualTo(Account.ZERO);
        assertThat(s.chain.state().accounts()).doesNotContainKey(unfunded);
    }

    @Test
    void aFundedSenderPayingNoFeeIsRejectedToo() {
        s.assertRejected(s.builder.child(funded).transfers(s.builder.transfer(1, TestKeys.address(2), 1_000, 0, 1)).build(),
                BlockRejectReason.ZERO_FEE);
        s.assertTipAndState(funded);
    }

    @Test
    void anUnfundedSenderPayingAFeeIsRejectedForItsBalance() {
        s.assertRejected(s.builder.child(funded).transfers(s.builder.transfer(7, TestKeys.address(8), 0, 1, 1)).build(),
                BlockRejectReason.INSUFFICIENT_BALANCE);
        assertThat(s.chain.state().accounts()).doesNotContainKey(TestKeys.address(7));
    }

    @Test
    void aZeroAmountTransferToANewAddressCreatesNoRecipientAccount() {
        Address fresh = TestKeys.address(9);
        Block block = s.builder.child(funded).transfers(s.builder.transfer(1, fresh, 0, 1, 1)).build();
        s.importAll(List.of(block));
        s.assertTipAndState(block);
        assertThat(s.chain.state().accounts()).doesNotContainKey(fresh);
    }

    @Test
    void aSelfTransferIsAllowedAndCostsOnlyTheFee() {
        Address self = TestKeys.address(1);
        Account before = s.chain.state().account(self);
        Account withoutTransfer = s.builder.stateAfter(s.builder.child(funded).coinbaseMemo("sibling").build()).account(self);
        Block block = s.builder.child(funded).transfers(s.builder.transfer(1, self, 5_000, 300, 1)).build();

        assertThat(s.chain.importBlock(block).outcome()).isEqualTo(BlockImportResult.Outcome.CONNECTED);

        Account after = s.chain.state().account(self);
        assertThat(after.nonce()).isEqualTo(before.nonce() + 1);
        assertThat(after.balance()).as("the matured reward comes in, only the fee goes out")
                .isEqualTo(Amount.ofUnits(withoutTransfer.balance().units() - 300));
        s.assertTipAndState(block);
    }
}
