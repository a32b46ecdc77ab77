package io.numicoin.protocol.state;

import io.numicoin.protocol.address.Address;
import io.numicoin.protocol.codec.ByteReader;
import io.numicoin.protocol.codec.ByteWriter;
import io.numicoin.protocol.codec.DecodeError;
import io.numicoin.protocol.codec.DecodeException;
import io.numicoin.protocol.money.Amount;

/**
 * The one encoding of a state element, which is what the state hash ({@link MuHash3072}) takes in.
 * 49 bytes, big-endian:
 * <ul>
 *   <li>account: {@code 0x01 | address 32 | balance u64 | nonce u64}</li>
 *   <li>immature reward: {@code 0x02 | paid-at height u64 | recipient 32 | amount u64}</li>
 * </ul>
 * Empty accounts are not elements of the state and cannot be encoded.
 */
public final class StateElementCodec {

    public static final int ACCOUNT_TAG = 0x01;
    public static final int IMMATURE_REWARD_TAG = 0x02;
    public static final int SIZE = 49;

    private StateElementCodec() {
    }

    public static byte[] encode(StateElement element) {
        ByteWriter writer = new ByteWriter(SIZE);
        switch (element) {
            case AccountEntry entry -> {
                if (entry.account().isEmpty()) {
                    throw new IllegalArgumentException("an empty account is not a state element: " + entry.address());
                }
                writer.u8(ACCOUNT_TAG)
                        .hash(entry.address().policyHash())
                        .i64(entry.account().balance().units())
                        .i64(entry.account().nonce());
            }
            case ImmatureReward reward -> writer.u8(IMMATURE_REWARD_TAG)
                    .i64(reward.paidAtHeight())
                    .hash(reward.recipient().policyHash())
                    .i64(reward.amount().units());
        }
        return writer.toByteArray();
    }

    public static StateElement decode(byte[] bytes) throws DecodeException {
        ByteReader reader = new ByteReader(bytes);
        int tag = reader.u8("state element tag");
        StateElement element = switch (tag) {
            case ACCOUNT_TAG -> readAccount(reader);
            case IMMATURE_REWARD_TAG -> readReward(reader);
            default -> throw new DecodeException(DecodeError.OUT_OF_RANGE, "unknown state element tag " + tag);
        };
        reader.expectEnd("state element");
        return element;
    }

    private static AccountEntry readAccount(ByteReader reader) throws DecodeException {
        Address address = new Address(reader.hash("account address"));
        Account account = new Account(amount(reader, "account balance"), reader.u63("account nonce"));
        if (account.isEmpty()) {
            throw new DecodeException(DecodeError.OUT_OF_RANGE, "an empty account is not a state element");
        }
        return new AccountEntry(address, account);
    }

    private static ImmatureReward readReward(ByteReader reader) throws DecodeException {
        long paidAtHeight = reader.u63("reward height");
        Address recipient = new Address(reader.hash("reward recipient"));
        Amount amount = amount(reader, "reward amount");
        if (amount.isZero()) {
            throw new DecodeException(DecodeError.OUT_OF_RANGE, "an immature reward has a positive amount");
        }
        return new ImmatureReward(paidAtHeight, recipient, amount);
    }

    /** A u64 amount within {@code [0, MAX_MONEY]} (shared with {@link UndoDataCodec}). */
    static Amount amount(ByteReader reader, String field) throws DecodeException {
        long units = reader.i64(field);
        if (!Amount.isValid(units)) {
            throw new DecodeException(DecodeError.OUT_OF_RANGE, field + " " + Long.toUnsignedString(units) + " is outside [0, MAX_MONEY]");
        }
        return Amount.ofUnits(units);
    }
}
