package io.numicoin.bench;

import io.numicoin.protocol.address.Address;
import io.numicoin.protocol.block.Block;
import io.numicoin.protocol.block.BlockHeader;
import io.numicoin.protocol.merkle.MerkleTree;
import io.numicoin.protocol.bytes.Bytes;
import io.numicoin.protocol.codec.BlockCodec;
import io.numicoin.protocol.codec.SpendingPolicyCodec;
import io.numicoin.protocol.codec.TransactionCodec;
import io.numicoin.protocol.crypto.MlDsaKeyPair;
import io.numicoin.protocol.crypto.MlDsaPrivateKey;
import io.numicoin.protocol.crypto.MlDsaProvider;
import io.numicoin.protocol.crypto.MlDsaProviders;
import io.numicoin.protocol.crypto.PolicySigner;
import io.numicoin.protocol.crypto.SpendingPolicy;
import io.numicoin.protocol.hash.Hash256;
import io.numicoin.protocol.money.Amount;
import io.numicoin.protocol.params.NetworkParams;
import io.numicoin.protocol.tx.CoinbaseTx;
import io.numicoin.protocol.tx.ProtocolLimits;
import io.numicoin.protocol.tx.Transaction;
import io.numicoin.protocol.tx.TransferTx;
import io.numicoin.protocol.validation.BlockBodyRules;
import io.numicoin.protocol.validation.BlockRejection;
import io.numicoin.protocol.validation.TransactionRules;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Validates a full (2 MiB) block of single-key transfers: every stateless rule, the merkle root
 * and every signature, on one thread and split across all cores, in {@link InterleavedRatio} rounds
 * ({@code protocol.block_validation.parallel_speedup}, median with min and max).
 */
final class BlockValidationBench implements BenchPart {

    @Override
    public String name() {
        return "block validation";
    }

    @Override
    public void run(FigureSink out) throws Exception {
        NetworkParams params = NetworkParams.regtest();
        MlDsaProvider provider = MlDsaProviders.preferred();
        Block block = fullBlock(params, provider);
        int transfers = block.transactions().size() - 1;
        int cores = Runtime.getRuntime().availableProcessors();
        ExecutorService pool = Executors.newFixedThreadPool(cores);
        try {
            TransactionRules rules = new TransactionRules(params.chainId(), provider);
            BlockBodyRules serial = new BlockBodyRules(rules, Runnable::run, 1);
            BlockBodyRules parallel = new BlockBodyRules(rules, pool, cores);
            InterleavedRatio.Result speedup = InterleavedRatio.measure(1, 5,
                    round -> rate(parallel, block, transfers), round -> rate(serial, block, transfers));
            double serialRate = speedup.medianB();
            double parallelRate = speedup.medianA();
            out.report("protocol.block_validation.block_bytes", BlockCodec.encodedSize(block), "bytes");
            out.report("protocol.block_validation.tx_per_block", transfers, "tx");
            out.report("protocol.block_validation.tx_per_s.one_core", serialRate, "per_s");
            out.report("protocol.block_validation.tx_per_s", parallelRate, "per_s");
            speedup.report(out, "protocol.block_validation.parallel_speedup");
            out.report("protocol.block_validation.cores", cores, "cores");
        } finally {
            pool.shutdownNow();
        }
    }

    /** Best-of transactions per second over about 1.5 s of repeated validations. */
    private static double rate(BlockBodyRules rules, Block block, int transfers) {
        long deadline = System.nanoTime() + 1_500_000_000L;
        long best = Long.MAX_VALUE;
        do {
            long start = System.nanoTime();
            Optional<BlockRejection> rejection = rules.check(block);
            long elapsed = System.nanoTime() - start;
            if (rejection.isPresent()) {
                throw new IllegalStateException("benchmark block is invalid: " + rejection.get());
            }
            best = Math.min(best, elapsed);
        } while (System.nanoTime() < deadline);
        return transfers / (best / 1e9);
    }

    private static Block fullBlock(NetworkParams params, MlDsaProvider provider) {
        PolicySigner signer = new PolicySigner(provider);
        SecureRandom random = new SecureRandom();
        List<Transaction> txs = new ArrayList<>();
        Address miner = new Address(Hash256.ZERO);
        txs.add(new CoinbaseTx(params.chainId(), 1, miner, Amount.ZERO, Bytes.EMPTY));
        int size = 4 + 128 + TransactionCodec.encodedSize(txs.getFirst());
        while (true) {
            MlDsaPrivateKey key = MlDsaPrivateKey.generate(random);
            MlDsaKeyPair pair = new MlDsaKeyPair(key, provider.publicKey(key));
            SpendingPolicy policy = SpendingPolicy.singleKey(pair.publicKey());
            TransferTx unsigned = new TransferTx(params.chainId(), SpendingPolicyCodec.address(policy), 1, miner,
                    Amount.ofUnits(1_000), Amount.ofUnits(100), 0, Bytes.EMPTY, policy, List.of());
            TransferTx tx = unsigned.withSignatures(List.of(signer.signOne(policy, 0, key, TransactionCodec.txid(unsigned))));
            int txSize = TransactionCodec.encodedSize(tx);
            if (size + txSize > ProtocolLimits.MAX_BLOCK_BYTES) {
                break;
            }
            txs.add(tx);
            size += txSize;
        }
        BlockHeader header = new BlockHeader(BlockHeader.CURRENT_VERSION, 1, params.genesisId(), MerkleTree.root(txs),
                Hash256.ZERO, params.genesis().header().timestamp() + 1, params.genesis().header().target(), 0);
        return new Block(header, txs);
    }
}
