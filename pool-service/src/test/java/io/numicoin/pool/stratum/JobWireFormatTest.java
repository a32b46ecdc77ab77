package io.numicoin.pool.stratum;

import static org.assertj.core.api.Assertions.assertThat;

import io.numicoin.miner.mining.Work;
import io.numicoin.pool.client.StratumJob;
import io.numicoin.pool.work.CoinbaseParts;
import io.numicoin.pool.work.PoolJob;
import io.numicoin.protocol.block.Block;
import io.numicoin.protocol.block.BlockHeader;
import io.numicoin.protocol.merkle.MerkleTree;
import io.numicoin.protocol.bytes.Bytes;
import io.numicoin.protocol.codec.BlockCodec;
import io.numicoin.protocol.codec.BlockHeaderCodec;
import io.numicoin.protocol.hash.Hash256;
import io.numicoin.protocol.money.Amount;
import io.numicoin.protocol.pow.CompactTarget;
import io.numicoin.protocol.tx.CoinbaseTx;
import io.numicoin.protocol.tx.Transaction;
import io.numicoin.testkit.ChainBuilder;
import io.numicoin.testkit.TestKeys;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Stratum adaptation to NumiCoin's header, both ends: a job sent as {@code mining.notify}, read
 * back by the client's own parser, gives for any extranonce2, ntime and nonce the header the pool
 * rebuilds, whose merkle root is the protocol's over the full block (coinbase with the
 * extranonces in its memo, then the transfers), for every transaction count.
 */
class JobWireFormatTest {

    private static final ChainBuilder CHAIN = ChainBuilder.regtest();
    private static final List<Transaction> TRANSFERS = new ArrayList<>();

    static {
        for (int i = 0; i < 8; i++) {
            TRANSFERS.add(CHAIN.transfer(7, TestKeys.address(8 + i), 1_000 + i, 10_000, 1 + i));
        }
    }

    private static PoolJob job(int transfers, boolean clean) {
        List<Transaction> txs = new ArrayList<>();
        txs.add(new CoinbaseTx(CHAIN.params().chainId(), 5, TestKeys.address(3), Amount.ofUnits(8_888_000_000L), Bytes.EMPTY));
        txs.addAll(TRANSFERS.subList(0, transfers));
        Random random = new Random(transfers);
        byte[] commitment = new byte[32];
        random.nextBytes(commitment);
        BlockHeader header = new BlockHeader(1, 5, TestKeys.address(1).policyHash(), MerkleTree.root(txs), Hash256.of(commitment),
                1_795_600_000L, new CompactTarget(0x207fffff), 0);
        return PoolJob.of(0x1234 + transfers, new Work(1, new Block(header, txs), Amount.ZERO), clean);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4, 5, 7, 8})
    void theClientsHeaderIsThePoolsAndItsRootIsTheBlocks(int transfers) {
        PoolJob job = job(transfers, true);
        String line = StratumMessages.notify(job, true);
        StratumJob seen = StratumJob.parse(JsonMapper.builder().build().readTree(line).path("params"));
        assertThat(seen.id()).isEqualTo(job.id());
        assertThat(seen.clean()).isTrue();

        Bytes en1 = Bytes.fromHex("0a0b0c0d");
        Bytes en2 = Bytes.fromHex("00000007");
        byte[] clientHeader = seen.header(en1, en2, 1_795_600_042L, 0x0123_4567_89ab_cdefL);
        BlockHeader poolHeader = job.header(job.coinbase().assemble(en1, en2), 1_795_600_042L, 0x0123_4567_89ab_cdefL);
        assertThat(Bytes.of(clientHeader)).isEqualTo(Bytes.of(BlockHeaderCodec.encode(poolHeader)));

        Block block = job.block(poolHeader, en1, en2);
        assertThat(MerkleTree.root(block.transactions())).isEqualTo(poolHeader.merkleRoot());
        assertThat(block.coinbase().memo()).isEqualTo(CoinbaseParts.TAG.concat(en1).concat(en2));
        assertThat(block.coinbase().amount()).isEqualTo(Amount.ofUnits(8_888_000_000L));
        assertThat(block.transactions().subList(1, block.transactions().size())).isEqualTo(TRANSFERS.subList(0, transfers));
        assertThat(BlockCodec.encode(block)).isNotEmpty();
    }

    @Test
    void anotherExtranonceGivesAnotherRoot() {
        PoolJob job = job(3, false);
        Bytes en1 = Bytes.fromHex("00000001");
        Hash256 a = job.header(job.coinbase().assemble(en1, Bytes.fromHex("00000000")), 1, 0).merkleRoot();
        Hash256 b = job.header(job.coinbase().assemble(en1, Bytes.fromHex("00000001")), 1, 0).merkleRoot();
        assertThat(a).isNotEqualTo(b);
    }
}
