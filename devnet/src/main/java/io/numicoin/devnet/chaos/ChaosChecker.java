package io.numicoin.devnet.chaos;

import io.numicoin.devnet.DevnetPorts;
import io.numicoin.devnet.load.Answer;
import io.numicoin.devnet.load.EntryPoint;
import io.numicoin.devnet.load.History;
import io.numicoin.devnet.load.LoadAccount;
import io.numicoin.devnet.load.Submission;
import io.numicoin.devnet.load.Submitter;
import io.numicoin.devnet.load.TransferFactory;
import io.numicoin.devnet.process.HttpProbe;
import io.numicoin.devnet.process.PrometheusText;
import io.numicoin.protocol.codec.TransactionCodec;
import io.numicoin.protocol.money.SubsidySchedule;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;

/**
 * Judges a run's history once the load and the faults have stopped and the nodes have settled:
 * every accepted transfer confirmed exactly once or refused when offered again; no txid in two
 * blocks; every node on one tip and state commitment with the same balances; the mempool on that
 * tip holding none of the confirmed transfers; {@code numi.chain.v1} replaying to node1's chain;
 * the explorer's read model showing the same blocks, transfers and balances; the coins in the
 * accounts equal to the subsidies minus what the coinbases left unclaimed (burned).
 */
public final class ChaosChecker {

    private static final int SAMPLE = 200;
    private static final int EVIDENCE_TXIDS = 10;

    private final DevnetPorts ports;
    private final String kafka;
    private final List<LoadAccount> accounts;
    private final TransferFactory factory;
    private final String faucetAddress;
    private final Consumer<String> progress;
    private final ApiClient api = new ApiClient();

    public ChaosChecker(DevnetPorts ports, String kafka, List<LoadAccount> accounts, TransferFactory factory, String faucetAddress,
            Consumer<String> progress) {
        this.ports = ports;
        this.kafka = kafka;
        this.accounts = List.copyOf(accounts);
        this.factory = factory;
        this.faucetAddress = faucetAddress;
        this.progress = progress;
    }

    public CheckReport check(History history, Set<String> acceptedTxids) throws IOException {
        List<String> problems = new ArrayList<>();
        ChainReader node1 = node(1);
        JsonNode chain = node1.chain();
        long tip = chain.path("height").asLong();
        String tipId = chain.path("tipId").asString("");
        progress.accept("check: reading node1's chain, 1.." + tip);
        List<ChainBlock> blocks = node1.blocks(tip);
        Map<String, Long> heightOf = new HashMap<>();
        Map<String, Integer> copies = new HashMap<>();
        for (ChainBlock block : blocks) {
            for (String txid : block.txIds().subList(1, block.txIds().size())) {
                copies.merge(txid, 1, Integer::sum);
                heightOf.put(txid, block.height());
            }
        }
        Set<String> duplicated = new TreeSet<>();
        copies.forEach((txid, n) -> {
            if (n > 1) {
                duplicated.add(txid);
            }
        });
        Set<String> unconfirmed = new TreeSet<>(acceptedTxids);
        unconfirmed.removeAll(heightOf.keySet());
        long confirmed = acceptedTxids.size() - unconfirmed.size();
        Set<String> lost = new TreeSet<>();
        long rejectedLater = offerAgain(history, unconfirmed, lost);
        if (!lost.isEmpty()) {
            problems.add(lost.size() + " accepted transfers are neither confirmed nor refused when offered again, e.g. " + lost.iterator().next());
        }
        if (!duplicated.isEmpty()) {
            problems.add(duplicated.size() + " txids are in more than one block, e.g. " + duplicated.iterator().next());
        }
        boolean commitmentsEqual = nodesAgree(tipId, problems);
        mempoolAgrees(tipId, heightOf.keySet(), unconfirmed.isEmpty(), problems);
        ChainStreamCheck.Result stream = ChainStreamCheck.check(kafka, blocks.stream().map(ChainBlock::id).toList());
        if (!stream.agrees()) {
            problems.add("numi.chain.v1: " + stream.problem());
        }
        explorerAgrees(tip, tipId, heightOf, problems);
        supplyAgrees(node1, blocks, problems);
        List<String> evidence = evidence(history, lost, duplicated);
        long orphanedAccepted = acceptedTxids.stream().filter(stream.orphanedTxids()::contains).count();
        return new CheckReport(acceptedTxids.size(), confirmed, lost.size(), duplicated.size(), rejectedLater, commitmentsEqual,
                stream.disconnects(), stream.reorgs(), orphanedAccepted, reorgs(), problems, evidence);
    }

    /** Offers each unconfirmed accepted transfer again to the mempool: a refusal explains it, anything else is a loss. */
    private long offerAgain(History history, Set<String> unconfirmed, Set<String> lost) {
        Map<String, LoadAccount> byAddress = new HashMap<>();
        accounts.forEach(a -> byAddress.put(a.address(), a));
        Map<String, Submission> byTxid = new HashMap<>();
        for (Submission s : history.submissions()) {
            byTxid.putIfAbsent(s.txid(), s);
        }
        Submitter submitter = new Submitter();
        EntryPoint mempool = EntryPoint.of("mempool", ports);
        long refused = 0;
        for (String txid : unconfirmed) {
            Submission first = byTxid.get(txid);
            LoadAccount sender = first == null ? null : byAddress.get(first.sender());
            if (sender == null) {
                lost.add(txid);
                continue;
            }
            byte[] encoded = TransactionCodec.encode(factory.transfer(sender, first.nonce()));
            Answer answer = submitter.submit(mempool, encoded);
            history.record(new Submission(history.millis(), "check", sender.address(), first.nonce(), txid, mempool.name(), answer));
            if (answer.refused()) {
                refused++;
            } else {
                lost.add(txid);
            }
        }
        return refused;
    }

    private boolean nodesAgree(String tipId, List<String> problems) throws IOException {
        boolean equal = true;
        String commitment = null;
        for (int n = 1; n <= 4; n++) {
            ChainReader node = node(n);
            String id = node.chain().path("tipId").asString("");
            String c = node.tipCommitment(id);
            commitment = commitment == null ? c : commitment;
            if (!id.equals(tipId) || !c.equals(commitment)) {
                problems.add("node" + n + " is on tip " + id + " (commitment " + c + "), node1 on " + tipId + " (" + commitment + ")");
                equal = false;
            }
        }
        ChainReader first = node(1);
        for (String address : addresses()) {
            long[] expected = first.account(address);
            for (int n = 2; n <= 4; n++) {
                long[] seen = node(n).account(address);
                if (!Arrays.equals(expected, seen)) {
                    problems.add("node" + n + " has " + address + " at balance " + seen[0] + " nonce " + seen[1] + ", node1 at "
                            + expected[0] + " nonce " + expected[1]);
                    equal = false;
                }
            }
        }
        return equal;
    }

    private void mempoolAgrees(String tipId, Set<String> confirmed, boolean nothingPending, List<String> problems) throws IOException {
        URI base = URI.create("http://127.0.0.1:" + ports.mempoolApi());
        JsonNode pool = api.require(base.resolve("/api/v1/mempool"));
        if (!pool.path("tipId").asString("").equals(tipId)) {
            problems.add("the mempool is on tip " + pool.path("tipId").asString("") + ", node1 on " + tipId);
        }
        if (nothingPending && pool.path("count").asLong(-1) != 0) {
            problems.add("the mempool holds " + pool.path("count").asLong(-1) + " transfers though every accepted one is confirmed");
        }
        for (String txid : sample(confirmed)) {
            if (api.get(base.resolve("/api/v1/mempool/transactions/" + txid)).isPresent()) {
                problems.add("the mempool still holds " + txid + ", which is confirmed");
            }
        }
    }

    private void explorerAgrees(long tip, String tipId, Map<String, Long> heightOf, List<String> problems) throws IOException {
        URI base = URI.create("http://127.0.0.1:" + ports.explorerApi());
        long deadline = System.nanoTime() + 90_000_000_000L;
        String seen = "";
        while (System.nanoTime() < deadline) {
            seen = api.get(base.resolve("/api/v1/explorer/blocks/height/" + tip)).map(b -> b.path("id").asString("")).orElse("");
            if (seen.equals(tipId)) {
                break;
            }
            sleep(1_000);
        }
        if (!seen.equals(tipId)) {
            problems.add("the explorer's block at height " + tip + " is '" + seen + "', node1's tip is " + tipId);
            return;
        }
        for (String txid : sample(heightOf.keySet())) {
            Optional<JsonNode> tx = api.get(base.resolve("/api/v1/explorer/transactions/" + txid));
            long height = tx.map(t -> t.path("status").path("blockHeight").asLong(-1)).orElse(-1L);
            if (height != heightOf.get(txid)) {
                problems.add("the explorer has " + txid + " at height " + height + ", node1 at " + heightOf.get(txid));
            }
        }
        ChainReader node1 = node(1);
        for (LoadAccount account : accounts) {
            long balance = api.require(base.resolve("/api/v1/explorer/addresses/" + account.address())).path("balance").asLong(-1);
            long expected = node1.account(account.address())[0];
            if (balance != expected) {
                problems.add("the explorer has " + account.address() + " at " + balance + " units, node1 at " + expected);
            }
        }
    }

    /** Coins in the accounts (every coinbase pays the faucet) = subsidies - burned (subsidy + fees a coinbase left unclaimed). */
    private void supplyAgrees(ChainReader node1, List<ChainBlock> blocks, List<String> problems) throws IOException {
        SubsidySchedule schedule = SubsidySchedule.REGTEST;
        long subsidies = 0;
        long burned = 0;
        for (ChainBlock block : blocks) {
            long subsidy = schedule.subsidyAt(block.height()).units();
            subsidies += subsidy;
            burned += subsidy + block.feeUnits() - block.coinbaseUnits();
        }
        long held = 0;
        for (String address : addresses()) {
            held += node1.account(address)[0];
        }
        if (burned < 0 || held != subsidies - burned) {
            problems.add("supply: the accounts hold " + held + " units, subsidies " + subsidies + " minus burned " + burned + " = "
                    + (subsidies - burned));
        }
    }

    /** Reorganisations the four nodes counted since they last started ({@code numi_chain_reorgs_total} on each management port). */
    private long reorgs() {
        long sum = 0;
        for (int n = 1; n <= 4; n++) {
            sum += Math.round(new HttpProbe().get(URI.create("http://127.0.0.1:" + ports.nodeManagement(n) + "/actuator/prometheus"))
                    .map(body -> PrometheusText.gauge(body, "numi_chain_reorgs_total").orElse(0))
                    .orElse(0.0));
        }
        return sum;
    }

    private List<String> addresses() {
        List<String> all = new ArrayList<>(accounts.stream().map(LoadAccount::address).toList());
        all.add(faucetAddress);
        return all;
    }

    private static List<String> evidence(History history, Set<String> lost, Set<String> duplicated) {
        Set<String> shown = new HashSet<>();
        lost.stream().limit(EVIDENCE_TXIDS).forEach(shown::add);
        duplicated.stream().limit(EVIDENCE_TXIDS).forEach(shown::add);
        List<String> lines = new ArrayList<>();
        if (shown.isEmpty()) {
            return lines;
        }
        for (Submission s : history.submissions()) {
            if (shown.contains(s.txid())) {
                lines.add(String.format("%8d ms %-5s %s nonce %d via %s -> %d %s%s%s", s.atMillis(), s.phase(), s.txid(), s.nonce(), s.entry(),
                        s.answer().status(), s.answer().outcome(), s.answer().rule().isEmpty() ? "" : " " + s.answer().rule(),
                        s.answer().error().isEmpty() ? "" : " (" + s.answer().error() + ")"));
            }
        }
        for (History.FaultEvent f : history.faults()) {
            lines.add(String.format("%8d ms fault %s %s: %s", f.atMillis(), f.edge(), f.fault(), f.detail()));
        }
        lines.sort(null);
        return lines;
    }

    private static List<String> sample(Set<String> txids) {
        List<String> sorted = new ArrayList<>(new TreeSet<>(txids));
        if (sorted.size() <= SAMPLE) {
            return sorted;
        }
        List<String> picked = new ArrayList<>(SAMPLE);
        for (int i = 0; i < SAMPLE; i++) {
            picked.add(sorted.get((int) ((long) i * sorted.size() / SAMPLE)));
        }
        return picked;
    }

    private ChainReader node(int n) {
        return new ChainReader(URI.create("http://127.0.0.1:" + ports.nodeApi(n)));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
