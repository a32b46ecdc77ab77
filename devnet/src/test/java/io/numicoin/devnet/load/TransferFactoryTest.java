package io.numicoin.devnet.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.numicoin.protocol.codec.TransactionCodec;
import io.numicoin.protocol.params.NetworkParams;
import io.numicoin.protocol.tx.TransferTx;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TransferFactoryTest {

    private static final NetworkParams REGTEST = NetworkParams.regtest();

    @Test
    void theSameSenderAndNonceGiveTheSameTxidThoughTheSignatureIsDrawnAgain() {
        List<LoadAccount> accounts = LoadAccounts.generate(3, 7, REGTEST);
        TransferFactory factory = new TransferFactory(REGTEST.chainId(), accounts);
        TransferTx first = factory.transfer(accounts.get(1), 5);
        TransferTx again = factory.transfer(accounts.get(1), 5);
        assertThat(TransactionCodec.txid(again)).isEqualTo(TransactionCodec.txid(first));
        assertThat(TransactionCodec.txid(factory.transfer(accounts.get(1), 6))).isNotEqualTo(TransactionCodec.txid(first));
        assertThat(first.sender()).isEqualTo(accounts.get(1).account().address());
    }

    @Test
    void aSeedGivesTheSameAccountsAndNoTransferPaysItsOwnSender() {
        List<LoadAccount> accounts = LoadAccounts.generate(5, 11, REGTEST);
        assertThat(LoadAccounts.generate(5, 11, REGTEST)).extracting(LoadAccount::address)
                .isEqualTo(accounts.stream().map(LoadAccount::address).toList());
        assertThat(LoadAccounts.generate(5, 12, REGTEST).getFirst().address()).isNotEqualTo(accounts.getFirst().address());
        TransferFactory factory = new TransferFactory(REGTEST.chainId(), accounts);
        Set<Object> recipients = new HashSet<>();
        for (long nonce = 1; nonce <= 8; nonce++) {
            TransferTx tx = factory.transfer(accounts.get(2), nonce);
            assertThat(tx.recipient()).isNotEqualTo(tx.sender());
            recipients.add(tx.recipient());
        }
        assertThat(recipients).hasSize(4);
    }
}
