package io.numicoin.protocol.state;

import io.numicoin.protocol.block.Block;
import io.numicoin.protocol.money.Amount;
import io.numicoin.protocol.money.SubsidySchedule;
import io.numicoin.protocol.state.TransitionResult.Applied;
import io.numicoin.protocol.state.TransitionResult.Rejected;
import io.numicoin.protocol.tx.CoinbaseTx;
import io.numicoin.protocol.tx.ProtocolLimits;
import io.numicoin.protocol.tx.Transaction;
import io.numicoin.protocol.tx.TransferTx;
import java.util.List;
import java.util.Optional;

/**
 * The account-state rules of a block, applied to the state after its parent. In order:
 * <ol>
 *   <li>the first transaction is the only coinbase, and carries the block's height;</li>
 *   <li>the reward paid {@code COINBASE_MATURITY} blocks ago is credited to its recipient;</li>
 *   <li>each transfer, in block order: not expired at this height, nonce = sender's nonce + 1,
 *       amount + fee within the sender's balance; the sender pays amount + fee and its nonce
 *       advances, the recipient receives the amount (several transfers of one sender apply in
 *       turn, so their nonces run n+1, n+2, ...);</li>
 *   <li>the coinbase pays at most subsidy + fees; a positive payment becomes an
 *       {@link ImmatureReward}, anything unclaimed is burnt.</li>
 * </ol>
 * Pure: it only reads the view and returns the diff, its undo data and the new state commitment
 * (which the caller compares with the header's), with the factors that moved the set hash there. Signatures, sizes, chain ids and the
 * sender–policy match are stateless rules checked elsewhere.
 */
public final class StateTransition {

    private StateTransition() {
    }

    public static TransitionResult apply(AccountStateView state, Block block, SubsidySchedule schedule) {
        return apply(state, block, schedule, StateHashing.CALLING_THREAD);
    }

    /** As {@link #apply(AccountStateView, Block, SubsidySchedule)}, the set-hash change computed as {@code hashing} says. */
    public static TransitionResult apply(AccountStateView state, Block block, SubsidySchedule schedule, StateHashing hashing) {
        long height = block.height();
        List<Transaction> txs = block.transactions();
        if (txs.isEmpty() || !(txs.getFirst() instanceof CoinbaseTx coinbase)) {
            return new Rejected(StateRejectReason.COINBASE_MISSING, 0, "the first transaction is not a coinbase");
        }
        for (int i = 1; i < txs.size(); i++) {
            if (txs.get(i) instanceof CoinbaseTx) {
                return new Rejected(StateRejectReason.COINBASE_NOT_FIRST, i, "a coinbase after the first transaction");
            }
        }
        if (coinbase.height() != height) {
            return new Rejected(StateRejectReason.COINBASE_HEIGHT_MISMATCH, 0,
                    "coinbase height " + coinbase.height() + " in block " + height);
        }
        StateOverlay overlay = new StateOverlay(state);
        Rejected matured = creditMaturedReward(overlay, height);
        if (matured != null) {
            return matured;
        }
        Amount fees = Amount.ZERO;
        for (int i = 1; i < txs.size(); i++) {
            TransferTx transfer = (TransferTx) txs.get(i);
            Rejected rejected = applyTransfer(overlay, transfer, i, height);
            if (rejected != null) {
                return rejected;
            }
            if (Amount.MAX_MONEY - fees.units() < transfer.fee().units()) {
                return new Rejected(StateRejectReason.AMOUNT_OVERFLOW, i, "the block's fees exceed MAX_MONEY");
            }
            fees = fees.plus(transfer.fee());
        }
        Amount subsidy = schedule.subsidyAt(height);
        if (Amount.MAX_MONEY - subsidy.units() < fees.units()) {
            return new Rejected(StateRejectReason.AMOUNT_OVERFLOW, 0, "subsidy + fees exceed MAX_MONEY");
        }
        Amount allowed = subsidy.plus(fees);
        if (allowed.isLessThan(coinbase.amount())) {
            return new Rejected(StateRejectReason.COINBASE_AMOUNT_TOO_HIGH, 0,
                    "coinbase pays " + coinbase.amount().units() + " units, subsidy + fees are " + allowed.units());
        }
        if (!coinbase.amount().isZero()) {
            overlay.putReward(height, Optional.of(new ImmatureReward(height, coinbase.recipient(), coinbase.amount())));
        }
        StateHashChange hashChange = overlay.hashChange(hashing);
        return new Applied(
                new StateDiff(height, overlay.forward()),
                new UndoData(height, overlay.backward()),
                StateCommitment.of(hashChange.accumulator()),
                hashChange);
    }

    private static Rejected creditMaturedReward(StateOverlay overlay, long height) {
        long paidAt = height - ProtocolLimits.COINBASE_MATURITY;
        if (paidAt < 0) {
            return null;
        }
        Optional<ImmatureReward> reward = overlay.reward(paidAt);
        if (reward.isEmpty()) {
            return null;
        }
        Account recipient = overlay.account(reward.get().recipient());
        if (Amount.MAX_MONEY - recipient.balance().units() < reward.get().amount().units()) {
            return new Rejected(StateRejectReason.AMOUNT_OVERFLOW, Rejected.NO_TRANSACTION,
                    "maturing reward of block " + paidAt + " overflows its recipient's balance");
        }
        overlay.putReward(paidAt, Optional.empty());
        overlay.putAccount(reward.get().recipient(), recipient.credit(reward.get().amount()));
        return null;
    }

    private static Rejected applyTransfer(StateOverlay overlay, TransferTx tx, int index, long height) {
        if (tx.expiresAt(height)) {
            return new Rejected(StateRejectReason.EXPIRED, index, "expired at height " + tx.expiryHeight() + ", block is " + height);
        }
        Account sender = overlay.account(tx.sender());
        if (tx.nonce() - 1 != sender.nonce()) {
            return new Rejected(StateRejectReason.BAD_NONCE, index,
                    "nonce " + tx.nonce() + ", sender's account nonce is " + sender.nonce());
        }
        if (Amount.MAX_MONEY - tx.amount().units() < tx.fee().units()) {
            return new Rejected(StateRejectReason.AMOUNT_OVERFLOW, index, "amount + fee exceed MAX_MONEY");
        }
        Amount total = tx.amount().plus(tx.fee());
        if (sender.balance().isLessThan(total)) {
            return new Rejected(StateRejectReason.INSUFFICIENT_BALANCE, index,
                    "spends " + total.units() + " units, balance is " + sender.balance().units());
        }
        overlay.putAccount(tx.sender(), sender.spend(total));
        Account recipient = overlay.account(tx.recipient());
        if (Amount.MAX_MONEY - recipient.balance().units() < tx.amount().units()) {
            return new Rejected(StateRejectReason.AMOUNT_OVERFLOW, index, "the recipient's balance would exceed MAX_MONEY");
        }
        overlay.putAccount(tx.recipient(), recipient.credit(tx.amount()));
        return null;
    }
}
