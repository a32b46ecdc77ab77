package io.numicoin.devnet.load;

import io.numicoin.devnet.DevnetPorts;
import io.numicoin.devnet.faucet.Faucet;
import io.numicoin.devnet.wallet.MempoolApi;
import io.numicoin.devnet.wallet.NodeApi;
import io.numicoin.protocol.params.NetworkParams;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.function.Consumer;

/**
 * A devnet made ready for load: the seeded accounts, funded by the faucet through node1, their
 * next nonces read back from the network, and a {@link LoadGenerator} over the chosen entry points.
 */
public final class LoadSession {

    private final List<LoadAccount> accounts;
    private final LoadGenerator generator;
    private final double rate;

    private LoadSession(List<LoadAccount> accounts, LoadGenerator generator, double rate) {
        this.accounts = accounts;
        this.generator = generator;
        this.rate = rate;
    }

    public static LoadSession prepare(DevnetPorts ports, Faucet faucet, LoadOptions options, History history, Consumer<String> progress)
            throws IOException, InterruptedException {
        NetworkParams params = NetworkParams.regtest();
        List<NodeApi> nodes = List.of(1, 2, 3).stream().map(n -> node(ports, n)).toList();
        MempoolApi mempool = new MempoolApi(URI.create("http://127.0.0.1:" + ports.mempoolApi()));
        List<LoadAccount> accounts = LoadAccounts.generate(options.accounts(), options.seed(), params);
        Submitter submitter = new Submitter();
        progress.accept("funding " + accounts.size() + " accounts (seed " + options.seed() + ") from the faucet " + faucet.address());
        new Funding(nodes.getFirst(), mempool, EntryPoint.of("node1", ports), submitter, history, params.chainId())
                .fund(faucet.account(), faucet.address(), accounts, options.fundUnits(), progress);
        NonceReader nonces = new NonceReader(nodes, mempool);
        for (LoadAccount account : accounts) {
            account.nonce(nonces.next(account.address()).orElseThrow(() -> new IOException("no node answers for " + account.address())));
        }
        TransferFactory factory = new TransferFactory(params.chainId(), accounts);
        return new LoadSession(accounts, new LoadGenerator(accounts, factory, EntryPoint.parse(options.entries(), ports), submitter,
                history, nonces), options.rate());
    }

    public List<LoadAccount> accounts() {
        return accounts;
    }

    /** Transfers a second, as chosen. */
    public double rate() {
        return rate;
    }

    public LoadGenerator generator() {
        return generator;
    }

    private static NodeApi node(DevnetPorts ports, int n) {
        return new NodeApi(URI.create("http://127.0.0.1:" + ports.nodeApi(n)));
    }
}
