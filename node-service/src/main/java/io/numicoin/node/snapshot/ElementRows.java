package io.numicoin.node.snapshot;

import io.numicoin.protocol.address.Address;
import io.numicoin.protocol.hash.Hash256;
import io.numicoin.protocol.money.Amount;
import io.numicoin.protocol.state.Account;
import io.numicoin.protocol.state.AccountEntry;
import io.numicoin.protocol.state.ImmatureReward;
import io.numicoin.protocol.state.StateElementCodec;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Rows of {@code accounts} and {@code immature_rewards} as encoded state elements. */
final class ElementRows {

    private ElementRows() {
    }

    /** From (address, balance, nonce). */
    static byte[] account(ResultSet rs) throws SQLException {
        return StateElementCodec.encode(new AccountEntry(new Address(Hash256.of(rs.getBytes(1))),
                new Account(Amount.ofUnits(rs.getLong(2)), rs.getLong(3))));
    }

    /** From (paid_at_height, recipient, amount). */
    static byte[] reward(ResultSet rs) throws SQLException {
        return StateElementCodec.encode(new ImmatureReward(rs.getLong(1), new Address(Hash256.of(rs.getBytes(2))),
                Amount.ofUnits(rs.getLong(3))));
    }
}
