package io.numicoin.devnet.chaos;

import java.util.List;

/**
 * The checker's verdict on a run.
 *
 * @param accepted distinct load transfers answered with a 2xx
 * @param confirmed of those, on the active chain
 * @param lost accepted, not confirmed, and not refused when offered again (nothing a client could see explains it)
 * @param duplicated txids in more than one block of the active chain
 * @param rejectedLater accepted, not confirmed, and refused with a rule when offered again
 * @param commitmentsEqual every node on the same tip, with the same state commitment, and the same balances and nonces
 * @param disconnects blocks the event source reorganised away ({@code numi.chain.v1} disconnects)
 * @param eventSourceReorgs reorganisations of the event source (runs of {@code numi.chain.v1} disconnects)
 * @param orphanedAccepted accepted transfers that were in a block the event source reorganised away
 *     (each is still checked: confirmed exactly once on the active chain, or refused when offered again)
 * @param reorgs reorganisations counted by node1..node4 ({@code numi_chain_reorgs_total}; a restart resets a node's count)
 * @param problems each failed check, one line each
 * @param evidence history lines and faults that show the failures
 */
public record CheckReport(long accepted, long confirmed, long lost, long duplicated, long rejectedLater, boolean commitmentsEqual,
        long disconnects, long eventSourceReorgs, long orphanedAccepted, long reorgs, List<String> problems, List<String> evidence) {

    public CheckReport {
        problems = List.copyOf(problems);
        evidence = List.copyOf(evidence);
    }

    public boolean passed() {
        return problems.isEmpty();
    }
}
