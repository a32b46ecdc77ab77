package io.numicoin.devnet.cli;

import io.numicoin.devnet.wallet.Account;
import io.numicoin.devnet.wallet.ConfirmationWatch;
import io.numicoin.devnet.wallet.MempoolApi;
import io.numicoin.devnet.wallet.MempoolTxState;
import io.numicoin.devnet.wallet.NextNonce;
import io.numicoin.devnet.wallet.NodeApi;
import io.numicoin.devnet.wallet.TransferSigner;
import io.numicoin.devnet.wallet.WalletKeyException;
import io.numicoin.protocol.address.Address;
import io.numicoin.protocol.address.AddressDecodeException;
import io.numicoin.protocol.address.AddressFormat;
import io.numicoin.protocol.bytes.Bytes;
import io.numicoin.protocol.codec.TransactionCodec;
import io.numicoin.protocol.money.Amount;
import io.numicoin.protocol.params.Network;
import io.numicoin.protocol.params.NetworkParams;
import io.numicoin.protocol.tx.ProtocolLimits;
import io.numicoin.protocol.tx.TransferTx;
import io.numicoin.support.node.NodeAccount;
import io.numicoin.support.node.NodeChainTip;
import io.numicoin.support.node.NodeTransactionAnswer;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * {@code ./numi wallet}: keys and transfers. Keys are encrypted keystores in the wallet directory
 * ({@link WalletKeyCommands}); the devnet's faucet's keystore opens with the passphrase file beside it. It builds
 * and signs a transfer with the protocol library and posts it to a node's
 * {@code POST /api/v1/transactions}.
 */
public final class WalletCommand {

    public static final String USAGE = """
            usage: ./numi wallet COMMAND [options]

              create [--name N] [--passphrase-source S]  a new encrypted key in the wallet directory (default name
                                                        'default'); prints its address and, once, its 24 recovery words
              import --words "..." | --words-file F|-   recreate a key from its 24 words (F: a file, -: standard input)
                     [--name N] [--passphrase-source S]
              list                                      the keys' names and addresses (no passphrase needed)
              address [--key K]                         the address of a key (default: the devnet's faucet,
                                                        data/devnet/faucet.numikey, passphrase in faucet.passphrase)
              passphrase [--name N] [--passphrase-source S] [--new-passphrase-source S]
                                                        re-encrypt a key under a new passphrase
              balance [--key K | --address A]           spendable balance, immature rewards and nonce
              send --to ADDRESS --amount NUMI [--fee NUMI] [--memo TEXT] [--nonce N] [--key K] [--wait]
                                                        sign a transfer with the key (default: the devnet's faucet)
                                                        and post it to the node, which answers with the mempool's
                                                        verdict (a refusal names its rule, e.g. INSUFFICIENT_BALANCE);
                                                        --wait: until it is in a block; the nonce follows the
                                                        key's pending transfers (mempool)
              new --insecure-plaintext [--key FILE]     an UNENCRYPTED key file (default data/devnet/wallet.key),
                                                        for throwaway devnet keys only
            """ + HistoryCommand.USAGE + MultisigCommand.USAGE + TransferCommand.USAGE + """

              --key K         a key name in the wallet directory, or a key file (keystore or plain-text devnet key)
              --wallet-dir D  the wallet directory (default data/devnet/wallets, or NUMI_WALLET_DIR)
              --passphrase-source S   prompt (default; no echo), file:PATH (the file's first line) or env:VARIABLE
                              (a variable naming such a file); never the passphrase itself
              --node URL      the node API, or the gateway in front of it (default: the devnet's gateway, http://127.0.0.1:8080,
                              or NUMI_WALLET_NODE)
              --mempool URL   the mempool API, for the nonce after pending sends (default: NUMI_WALLET_MEMPOOL, else the
                              node's URL: the gateway serves both)
              --network NET   for addresses: regtest (default), testnet or mainnet
            """;

    static final WalletKeyCommands.FaucetFiles FAUCET = new WalletKeyCommands.FaucetFiles(
            Path.of("data/devnet/faucet.numikey"), Path.of("data/devnet/faucet.passphrase"), Path.of("data/devnet/faucet.key"));
    static final Path NEW_KEY = Path.of("data/devnet/wallet.key");
    private static final Amount DEFAULT_FEE = Amount.parseNumi("0.0001");
    private static final Duration WAIT_LIMIT = Duration.ofMinutes(3);
    /**
     * How long {@code send} waits for the mempool to hold its transfer: usually well under a second,
     * longer while a just-started mempool catches up with the chain (a 10 s limit failed once in CI).
     */
    private static final Duration PENDING_LIMIT = Duration.ofSeconds(30);
    private static final Set<String> FLAGS = Set.of("--wait", "--insecure-plaintext");

    private final PrintStream out;
    private final WalletKeyCommands keys;

    public WalletCommand(PrintStream out) {
        this(out, System.console(), System::getenv, System.in);
    }

    /** With the terminal for passphrase prompts (null: none), the environment for {@code env:} sources, and stdin for words. */
    public WalletCommand(PrintStream out, Console console, UnaryOperator<String> environment, InputStream stdin) {
        this.out = out;
        this.keys = new WalletKeyCommands(out, console, environment, stdin);
    }

    /** Runs {@code args} (after {@code wallet}); returns the exit code. */
    public int run(List<String> args) throws Exception {
        if (args.isEmpty() || Set.of("help", "-h", "--help").contains(args.getFirst())) {
            out.print(USAGE);
            return args.isEmpty() ? 2 : 0;
        }
        List<String> rest = args.subList(1, args.size());
        switch (args.getFirst()) {
            case "multisig" -> { return new MultisigCommand(out).run(rest); }
            case "public-key" -> { return new MultisigCommand(out).publicKey(rest); }
            case "transfer" -> { return new TransferCommand(out, keys).run(rest); }
            case "history" -> { return new HistoryCommand(out, keys).run(rest); }
            default -> { }
        }
        Map<String, String> options = options(rest);
        return switch (args.getFirst()) {
            case "create" -> keys.create(options);
            case "import" -> keys.importWords(options);
            case "list" -> keys.list(options);
            case "passphrase" -> keys.changePassphrase(options);
            case "new" -> keys.insecurePlaintext(options, NEW_KEY);
            case "address" -> address(options);
            case "balance" -> balance(options);
            case "send" -> send(options);
            default -> throw new IllegalArgumentException("unknown wallet command '" + args.getFirst() + "'");
        };
    }

    private int address(Map<String, String> options) throws IOException, WalletKeyException {
        out.println(encode(keys.address(options, FAUCET), network(options)));
        return 0;
    }

    private int balance(Map<String, String> options) throws IOException, WalletKeyException {
        NodeApi node = node(options);
        NetworkParams params = NetworkParams.of(node.chain().network());
        String address = options.containsKey("--address")
                ? options.get("--address")
                : encode(keys.address(options, FAUCET), params.network());
        NodeAccount state = node.account(address);
        out.println("address:  " + address);
        out.println("balance:  " + numi(state.balanceUnits()) + " NUMI");
        out.println("immature: " + numi(state.immatureUnits()) + " NUMI");
        out.println("nonce:    " + state.nonce());
        return 0;
    }

    private int send(Map<String, String> options) throws IOException, InterruptedException, WalletKeyException {
        Account from = Account.of(keys.signingKey(options, FAUCET));   // before the network: a wrong passphrase fails first
        NodeApi node = node(options);
        NodeChainTip chain = node.chain();
        NetworkParams params = NetworkParams.of(chain.network());
        Address to = decode(required(options, "--to"), params);
        Amount amount = Amount.parseNumi(required(options, "--amount"));
        Amount fee = options.containsKey("--fee") ? Amount.parseNumi(options.get("--fee")) : DEFAULT_FEE;
        Bytes memo = Bytes.of(options.getOrDefault("--memo", "").getBytes(StandardCharsets.UTF_8));
        if (memo.length() > ProtocolLimits.MAX_MEMO_BYTES) {
            throw new IllegalArgumentException("--memo has " + memo.length() + " bytes, at most " + ProtocolLimits.MAX_MEMO_BYTES);
        }
        String sender = encode(from.address(), params.network());
        long nonce = nextNonce(options, node, sender);
        TransferTx tx = new TransferSigner().sign(params.chainId(), from, nonce, to, amount, fee, memo);
        NodeTransactionAnswer submitted;
        try {
            submitted = node.submitTransaction(TransactionCodec.encode(tx), note -> out.println("note:   " + note));
        } catch (NodeApi.RefusedException e) {
            out.println("txid:   " + TransactionCodec.txid(tx).toHex() + " (nonce " + nonce + ")");
            out.println(e.getMessage());
            return 1;
        }
        String txid = submitted.txid();
        out.println("txid:   " + txid);
        out.println("status: " + submitted.status() + (submitted.outcome().isEmpty() ? " (checked and relayed by the node; no mempool verdict)"
                : " by the mempool: " + submitted.outcome() + (submitted.replaced().isEmpty() ? "" : ", replacing " + submitted.replaced())));
        out.println("from:   " + sender + " (nonce " + nonce + ")");
        out.println("to:     " + encode(to, params.network()) + "  amount " + numi(amount.units()) + " NUMI, fee "
                + numi(fee.units()) + " NUMI");
        out.println("check:  curl -s " + node.base().resolve("/api/v1/transactions/" + txid)
                + "   (404 until it is in a block)");
        if (!options.containsKey("--wait")) {
            awaitPending(options, node, txid);
            return 0;
        }
        return awaitConfirmation(out, node, mempool(options), txid);
    }

    /**
     * {@code --wait}: asks the node and the mempool once a second until the node shows the transaction in a
     * block (exit code 0), the mempool says it will never be mined, or {@link #WAIT_LIMIT} passes (exit code 1).
     */
    static int awaitConfirmation(PrintStream out, NodeApi node, MempoolApi mempool, String txid)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + WAIT_LIMIT.toNanos();
        ConfirmationWatch watch = new ConfirmationWatch();
        while (System.nanoTime() < deadline) {
            switch (watch.observe(node.transactionHeight(txid), state(mempool, txid))) {
                case ConfirmationWatch.Confirmed(long height) -> {
                    out.println("confirmed in block " + height);
                    return 0;
                }
                case ConfirmationWatch.Gone(String why) -> {
                    out.println(why);
                    return 1;
                }
                case ConfirmationWatch.Waiting(String note) -> {
                    if (!note.isEmpty()) {
                        out.println("note:   " + note);
                    }
                }
            }
            Thread.sleep(1_000);
        }
        MempoolTxState state = state(mempool, txid);
        out.println("not in a block after " + WAIT_LIMIT.toMinutes() + " minutes; " + switch (state) {
            case null -> "the mempool does not answer";
            case MempoolTxState.Pending p -> "still pending in the mempool (fee too low to be mined yet?)";
            case MempoolTxState.Removed r -> r.describe();
            case MempoolTxState.Unknown u -> "the mempool does not hold it";
        });
        return 1;
    }

    /**
     * {@code --nonce}, else the nonce after the sender's transactions still pending in the mempool,
     * else the chain's nonce + 1 (so sends in a row do not replace each other).
     */
    private long nextNonce(Map<String, String> options, NodeApi node, String sender) throws IOException {
        if (options.containsKey("--nonce")) {
            return Long.parseLong(options.get("--nonce"));
        }
        return NextNonce.of(node, mempool(options), sender, note -> out.println("note:   " + note));
    }

    /** What the mempool says of the transaction; null when it does not answer. */
    private static MempoolTxState state(MempoolApi mempool, String txid) {
        try {
            return mempool.state(txid);
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * Waits a moment until the mempool holds the transaction (it learns it from the node through
     * Kafka), so that a send right after this one picks the next nonce. On a fast chain the
     * transaction may be mined before the first look: then it is in a block, which serves as well.
     */
    private void awaitPending(Map<String, String> options, NodeApi node, String txid) throws InterruptedException {
        MempoolApi mempool = mempool(options);
        long deadline = System.nanoTime() + PENDING_LIMIT.toNanos();
        try {
            while (System.nanoTime() < deadline) {
                MempoolTxState state = mempool.state(txid);
                if (state instanceof MempoolTxState.Pending) {
                    out.println("pending: in the mempool");
                    return;
                }
                long height = node.transactionHeight(txid);
                if (height >= 0) {
                    out.println("confirmed in block " + height);
                    return;
                }
                if (state instanceof MempoolTxState.Removed removed) {  // mined already, or dropped: no nonce to wait for
                    out.println("mempool: " + removed.describe());
                    return;
                }
                Thread.sleep(200);
            }
            out.println("note:   the mempool has not seen it yet; a send right now would reuse its nonce (--nonce N)");
        } catch (IOException e) {
            out.println("note:   " + e.getMessage());
        }
    }

    private static Map<String, String> options(List<String> args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument '" + arg + "'");
            }
            if (arg.contains("=")) {
                options.put(arg.substring(0, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
            } else if (FLAGS.contains(arg)) {
                options.put(arg, "true");
            } else if (i + 1 < args.size()) {
                options.put(arg, args.get(++i));
            } else {
                throw new IllegalArgumentException(arg + " needs a value");
            }
        }
        return options;
    }

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("send needs " + name);
        }
        return value;
    }

    static NodeApi node(Map<String, String> options) {
        return NodeApi.withReadRetries(URI.create(options.getOrDefault("--node", WalletEnvironment.current().node())));
    }

    static MempoolApi mempool(Map<String, String> options) {
        return new MempoolApi(URI.create(options.getOrDefault("--mempool", WalletEnvironment.current().mempool())));
    }

    private static Network network(Map<String, String> options) {
        return Network.fromId(options.getOrDefault("--network", "regtest"));
    }

    private static String encode(Address address, Network network) {
        return AddressFormat.encode(address, NetworkParams.of(network).hrp());
    }

    private static Address decode(String text, NetworkParams params) {
        try {
            return AddressFormat.decode(text, params.hrp());
        } catch (AddressDecodeException e) {
            throw new IllegalArgumentException("--to '" + text + "' is not a " + params.network() + " address: " + e.getMessage());
        }
    }

    static String numi(long units) {
        return BigDecimal.valueOf(units, 8).toPlainString();
    }
}
