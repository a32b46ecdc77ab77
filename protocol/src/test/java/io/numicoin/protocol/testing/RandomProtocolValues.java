package io.numicoin.protocol.testing;

import io.numicoin.protocol.address.Address;
import io.numicoin.protocol.block.Block;
import io.numicoin.protocol.block.BlockHeader;
import io.numicoin.protocol.bytes.Bytes;
import io.numicoin.protocol.codec.SpendingPolicyCodec;
import io.numicoin.protocol.codec.TransactionCodec;
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
import io.numicoin.protocol.crypto.TxSignature;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Random but valid-to-encode protocol values from a seeded {@link Random}, for round-trip and
 * mutation tests. Boundary values (0, the maxima, empty and full memos) come up often on purpose.
 * Keys and signatures are random bytes: codecs do not check cryptography.
 */
public final class RandomProtocolValues {

    private final Random random;

    public RandomProtocolValues(long seed) {
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

    public Amount amount() {
        return Amount.ofUnits(upTo(Amount.MAX_MONEY));
    }

    public Bytes memo() {
        int length = random.nextInt(4) == 0 ? ProtocolLimits.MAX_MEMO_BYTES : (int) upTo(ProtocolLimits.MAX_MEMO_BYTES);
        return Bytes.of(bytes(length));
    }

    public CompactTarget target() {
        BigInteger target;
        do {
            target = new BigInteger(1 + random.nextInt(256), random);
        } while (target.signum() == 0);
        return CompactTarget.fromTarget(target);
    }

    public BlockHeader header() {
        return new BlockHeader(random.nextInt(), upTo(Long.MAX_VALUE), hash(), hash(), hash(),
                upTo(Long.MAX_VALUE), target(), random.nextLong());
    }

    public MlDsaPublicKey key() {
        return new MlDsaPublicKey(Bytes.of(bytes(MlDsaPublicKey.SIZE)));
    }

    public MlDsaSignature signature() {
        return new MlDsaSignature(Bytes.of(bytes(MlDsaSignature.SIZE)));
    }

    /** A policy of 1 to 3 keys most of the time, sometimes up to {@link SpendingPolicy#MAX_KEYS}. */
    public SpendingPolicy policy() {
        int keyCount = random.nextInt(4) == 0 ? 1 + random.nextInt(SpendingPolicy.MAX_KEYS) : 1 + random.nextInt(3);
        List<MlDsaPublicKey> keys = new ArrayList<>();
        for (int i = 0; i < keyCount; i++) {
            keys.add(key());
        }
        return new SpendingPolicy(1 + random.nextInt(keyCount), keys);
    }

    public CoinbaseTx coinbase() {
        return new CoinbaseTx(random.nextInt(), upTo(Long.MAX_VALUE), address(), amount(), memo());
    }

    /**
     * A transfer with 0 to (key count) signatures at random ascending key indexes, as many as fit
     * {@link ProtocolLimits#MAX_TRANSACTION_BYTES}.
     */
    public TransferTx transfer() {
        SpendingPolicy policy = policy();
        long nonce = Math.max(1, upTo(Long.MAX_VALUE));
        TransferTx unsigned = new TransferTx(random.nextInt(), SpendingPolicyCodec.address(policy), nonce, address(),
                amount(), amount(), upTo(Long.MAX_VALUE), memo(), policy, List.of());
        int room = (ProtocolLimits.MAX_TRANSACTION_BYTES - TransactionCodec.encodedSize(unsigned))
                / TransactionCodec.SIGNATURE_ENTRY_SIZE;
        int keyCount = policy.keys().size();
        int count = random.nextInt(Math.min(keyCount, room) + 1);
        List<TxSignature> signatures = new ArrayList<>();
        for (int index = 0; index < keyCount && signatures.size() < count; index++) {
            if (random.nextInt(keyCount - index) < count - signatures.size()) {
                signatures.add(new TxSignature(index, signature()));
            }
        }
        return unsigned.withSignatures(signatures);
    }

    public Transaction transaction() {
        return random.nextInt(3) == 0 ? coinbase() : transfer();
    }

    /** A block of a coinbase and up to {@code maxTransfers} transfers (codecs accept any order, so sometimes shuffled). */
    public Block block(int maxTransfers) {
        List<Transaction> transactions = new ArrayList<>();
        transactions.add(coinbase());
        int transfers = random.nextInt(maxTransfers + 1);
        for (int i = 0; i < transfers; i++) {
            transactions.add(transfer());
        }
        if (random.nextInt(4) == 0) {
            Collections.shuffle(transactions, random);
        }
        return new Block(header(), transactions);
    }
}
