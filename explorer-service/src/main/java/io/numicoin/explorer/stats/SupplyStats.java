package io.numicoin.explorer.stats;

import io.numicoin.protocol.money.SubsidySchedule;
import java.util.ArrayList;
import java.util.List;

/**
 * Supply and the halving schedule at a height, read from the protocol's {@link SubsidySchedule}
 * (the schedule's own {@code subsidyAt} and {@code totalSupply}; nothing here restates the rule).
 * The supply is what the schedule allows through the height: a coinbase may claim less, never more.
 */
public final class SupplyStats {

    private final SubsidySchedule schedule;
    private final long targetSpacingSeconds;

    public SupplyStats(SubsidySchedule schedule, long targetSpacingSeconds) {
        this.schedule = schedule;
        this.targetSpacingSeconds = targetSpacingSeconds;
    }

    public SupplyView at(long height) {
        long interval = schedule.halvingInterval();
        long supply = supplyThrough(height);
        long max = schedule.totalSupply().units();
        int era = height == 0 ? 0 : (int) Math.min(SubsidySchedule.HALVINGS, (height - 1) / interval);
        List<Halving> halvings = new ArrayList<>();
        for (int i = Math.max(1, era + 1); i <= SubsidySchedule.HALVINGS; i++) {
            long at = i * interval + 1;
            if (schedule.subsidyAt(at - 1).units() == 0) {
                break; // the subsidy reached zero already: no halving changes anything any more
            }
            halvings.add(new Halving(i, at, schedule.subsidyAt(at).units(), supplyThrough(at - 1)));
        }
        Halving next = halvings.isEmpty() ? null : halvings.getFirst();
        Long blocksLeft = next == null ? null : next.height() - height;
        return new SupplyView(height, supply, max, max == 0 ? 0 : 100.0 * supply / max,
                schedule.subsidyAt(height).units(), era, interval,
                next == null ? null : next.height(), blocksLeft,
                blocksLeft == null ? null : blocksLeft * targetSpacingSeconds,
                next == null ? null : next.subsidyAfter(), halvings);
    }

    /** Every unit the schedule creates at heights 1..{@code height}: each era's subsidy times its blocks up to the height. */
    long supplyThrough(long height) {
        long interval = schedule.halvingInterval();
        long total = 0;
        for (long first = 1; first <= height; first += interval) {
            long subsidy = schedule.subsidyAt(first).units();
            if (subsidy == 0) {
                break;
            }
            long blocks = Math.min(height, first + interval - 1) - first + 1;
            total += subsidy * blocks;
        }
        return total;
    }
}
