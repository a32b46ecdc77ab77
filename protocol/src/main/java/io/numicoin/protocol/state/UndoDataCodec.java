package io.numicoin.protocol.state;

import io.numicoin.protocol.address.Address;
import io.numicoin.protocol.codec.ByteReader;
import io.numicoin.protocol.codec.ByteWriter;
import io.numicoin.protocol.codec.DecodeError;
import io.numicoin.protocol.codec.DecodeException;
import io.numicoin.protocol.money.Amount;
import io.numicoin.protocol.tx.ProtocolLimits;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The one encoding of {@link UndoData}, as the node stores it. Big-endian:
 * <pre>
 * height u64
 * account count u32, then per account (strictly ascending address):
 *     address 32 | balance u64 | nonce u64          (balance 0 and nonce 0 = "did not exist")
 * reward put count u8, then per reward (strictly ascending height):
 *     paid-at height u64 | recipient 32 | amount u64 (amount > 0)
 * reward delete count u8, then heights u64 (strictly ascending, none also put)
 * </pre>
 * Decoding is strict and bounded: counts are capped by what one block can touch and checked
 * against the bytes left before anything is allocated; every failure is a {@link DecodeException}.
 */
public final class UndoDataCodec {

    /** A block of {@code MAX_BLOCK_TRANSACTIONS} transfers touches at most this many accounts. */
    public static final int MAX_ACCOUNTS = 2 * ProtocolLimits.MAX_BLOCK_TRANSACTIONS;
    /** A block puts and deletes at most this many reward entries each. */
    public static final int MAX_REWARDS = 2;

    private static final int ACCOUNT_BYTES = 32 + 8 + 8;
    private static final int REWARD_BYTES = 8 + 32 + 8;
    private static final int HEIGHT_BYTES = 8;

    private UndoDataCodec() {
    }

    public static byte[] encode(UndoData undo) {
        StateChanges changes = undo.changes();
        if (changes.accounts().size() > MAX_ACCOUNTS || changes.rewardsPut().size() > MAX_REWARDS
                || changes.rewardsDeleted().size() > MAX_REWARDS) {
            throw new IllegalArgumentException("undo data touches more entries than one block can");
        }
        ByteWriter writer = new ByteWriter(8 + 4 + changes.accounts().size() * ACCOUNT_BYTES + 2 + 2 * MAX_REWARDS * REWARD_BYTES);
        writer.i64(undo.height()).i32(changes.accounts().size());
        for (AccountEntry entry : changes.accounts()) {
            writer.hash(entry.address().policyHash())
                    .i64(entry.account().balance().units())
                    .i64(entry.account().nonce());
        }
        writer.u8(changes.rewardsPut().size());
        for (ImmatureReward reward : changes.rewardsPut()) {
            writer.i64(reward.paidAtHeight()).hash(reward.recipient().policyHash()).i64(reward.amount().units());
        }
        writer.u8(changes.rewardsDeleted().size());
        for (long height : changes.rewardsDeleted()) {
            writer.i64(height);
        }
        return writer.toByteArray();
    }

    public static UndoData decode(byte[] bytes) throws DecodeException {
        ByteReader reader = new ByteReader(bytes);
        long height = reader.u63("undo height");
        List<AccountEntry> accounts = readAccounts(reader);
        List<ImmatureReward> put = readRewards(reader);
        List<Long> deleted = readDeletedHeights(reader, put);
        reader.expectEnd("undo data");
        return new UndoData(height, new StateChanges(accounts, put, deleted));
    }

    private static List<AccountEntry> readAccounts(ByteReader reader) throws DecodeException {
        int count = reader.u32("undo account count", MAX_ACCOUNTS);
        requireBytes(reader, count, ACCOUNT_BYTES, "undo accounts");
        List<AccountEntry> accounts = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Address address = new Address(reader.hash("undo account address"));
            if (i > 0 && accounts.get(i - 1).address().compareTo(address) >= 0) {
                throw new DecodeException(DecodeError.NON_CANONICAL, "undo accounts are not in strictly ascending address order");
            }
            Amount balance = StateElementCodec.amount(reader, "undo account balance");
            accounts.add(new AccountEntry(address, new Account(balance, reader.u63("undo account nonce"))));
        }
        return accounts;
    }

    private static List<ImmatureReward> readRewards(ByteReader reader) throws DecodeException {
        int count = readCount(reader, "undo reward put count");
        requireBytes(reader, count, REWARD_BYTES, "undo rewards");
        List<ImmatureReward> rewards = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            long paidAt = reader.u63("undo reward height");
            if (i > 0 && rewards.get(i - 1).paidAtHeight() >= paidAt) {
                throw new DecodeException(DecodeError.NON_CANONICAL, "undo rewards are not in strictly ascending height order");
            }
            Address recipient = new Address(reader.hash("undo reward recipient"));
            Amount amount = StateElementCodec.amount(reader, "undo reward amount");
            if (amount.isZero()) {
                throw new DecodeException(DecodeError.OUT_OF_RANGE, "an immature reward has a positive amount");
            }
            rewards.add(new ImmatureReward(paidAt, recipient, amount));
        }
        return rewards;
    }

    private static List<Long> readDeletedHeights(ByteReader reader, List<ImmatureReward> put) throws DecodeException {
        int count = readCount(reader, "undo reward delete count");
        requireBytes(reader, count, HEIGHT_BYTES, "undo reward deletes");
        Set<Long> putHeights = new HashSet<>();
        put.forEach(reward -> putHeights.add(reward.paidAtHeight()));
        List<Long> heights = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            long height = reader.u63("undo deleted reward height");
            if (i > 0 && heights.get(i - 1) >= height) {
                throw new DecodeException(DecodeError.NON_CANONICAL, "undo reward deletes are not in strictly ascending order");
            }
            if (putHeights.contains(height)) {
                throw new DecodeException(DecodeError.NON_CANONICAL, "reward at height " + height + " is both put and deleted");
            }
            heights.add(height);
        }
        return heights;
    }

    private static int readCount(ByteReader reader, String field) throws DecodeException {
        int count = reader.u8(field);
        if (count > MAX_REWARDS) {
            throw new DecodeException(DecodeError.TOO_LARGE, field + " is " + count + ", at most " + MAX_REWARDS);
        }
        return count;
    }

    private static void requireBytes(ByteReader reader, int count, int each, String what) throws DecodeException {
        if ((long) count * each > reader.remaining()) {
            throw new DecodeException(DecodeError.TRUNCATED, what + " need " + (long) count * each + " bytes, " + reader.remaining() + " left");
        }
    }
}
