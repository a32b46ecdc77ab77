package io.numicoin.events.testing;

import io.numicoin.protocol.address.Address;
import io.numicoin.protocol.block.Block;
import io.numicoin.protocol.block.BlockHeader;
import io.numicoin.protocol.bytes.Bytes;
import io.numicoin.protocol.codec.SpendingPolicyCodec;
import io.numicoin.protocol.crypto.MlDsaPublicKey;
import io.numicoin.protocol.crypto.MlDsaSignature;
import io.numicoin.protocol.crypto.SpendingPolicy;
import io.numicoin.protocol.hash.Hash256;
import io.numicoin.protocol.money.Amount;
import io.numicoin.protocol.pow.CompactTarget;
import io.numicoin.protocol.tx.CoinbaseTx;
import io.numicoin.protocol.tx.ProtocolLimits;
import io.numicoin.protocol.tx.Transaction;
import io.numicoin.protocol.tx.TransferTx;
import io.numicoin.protocol.tx.TxSignature;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Protocol values for event tests, from a seeded {@link Random} (a small cousin of protocol's
 * {@code RandomProtocolValues}, whose test classes events cannot depend on). Keys and signatures
 * are random bytes: codecs do not check cryptography.
 */
public class ProtocolValues {

    protected final Random random;

    public ProtocolValues(long seed) {
        this.random = new Random(seed);
    }

    public Random random() {
        return random;
    }

    public byte[] bytes(int length) {
        byte[] out = new byte[length];
        random.nextBytes(out);
        return out;
    }

    public Hash256 hash() {
        return Hash256.of(bytes(Hash256.SIZE));
    }

    public Address address() {
        return new Address(hash());
    }

    /** A value in {@code [0, max]}, with 0 and max each about one time in eight. */
    public long upTo(long max) {
        return switch (random.nextInt(8)) {
            case 0 -> 0;
            case 1 -> max;
            default -> random.nextLong(max) + (random.nextBoolean() ? 1 : 0);
        };
    }

    public Bytes memo() {
        return Bytes.of(bytes((int) upTo(ProtocolLimits.MAX_MEMO_BYTES)));
    }

    public BlockHeader header(long height) {
        BigInteger target = new BigInteger(1 + random.nextInt(255), random).add(BigInteger.ONE);
        return new BlockHeader(random.nextInt(), height, hash(), hash(), hash(), upTo(Long.MAX_VALUE),
                CompactTarget.fromTarget(target), random.nextLong());
    }

    public CoinbaseTx coinbase() {
        return new CoinbaseTx(random.nextInt(), upTo(Long.MAX_VALUE), address(), Amount.ofUnits(upTo(Amount.MAX_MONEY)), memo());
    }

    /** A transfer from a policy of 1 to 3 random keys, with 0 to (key count) signatures. */
    public TransferTx transfer() {
        int keyCount = 1 + random.nextInt(3);
        List<MlDsaPublicKey> keys = new ArrayList<>();
        for (int i = 0; i < keyCount; i++) {
            keys.add(new MlDsaPublicKey(Bytes.of(bytes(MlDsaPublicKey.SIZE))));
        }
        SpendingPolicy policy = new SpendingPolicy(1 + random.nextInt(keyCount), keys);
        List<TxSignature> signatures = new ArrayList<>();
        for (int index = 0; index < keyCount; index++) {
            if (random.nextBoolean()) {
                signatures.add(new TxSignature(index, new MlDsaSignature(Bytes.of(bytes(MlDsaSignature.SIZE)))));
            }
        }
        return new TransferTx(random.nextInt(), SpendingPolicyCodec.address(policy), Math.max(1, upTo(Long.MAX_VALUE)),
                address(), Amount.ofUnits(upTo(Amount.MAX_MONEY)), Amount.ofUnits(upTo(Amount.MAX_MONEY)),
                upTo(Long.MAX_VALUE), memo(), policy, signatures);
    }

    /** A block at {@code height} of a coinbase and up to {@code maxTransfers} transfers. */
    public Block block(long height, int maxTransfers) {
        List<Transaction> transactions = new ArrayList<>();
        transactions.add(coinbase());
        int transfers = random.nextInt(maxTransfers + 1);
        for (int i = 0; i < transfers; i++) {
            transactions.add(transfer());
        }
        return new Block(header(height), transactions);
    }
}
