package io.numicoin.devnet.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The defaults of {@code ./numi wallet}'s {@code --node}, {@code --mempool} and {@code --wallet-dir}
 * from the environment, for a wallet that runs where the devnet's defaults are wrong: the compose
 * file's {@code wallet} service (docs/docker.md) runs in a container on the compose network, with
 * the gateway at {@code http://gateway:8080} and its keys in a volume. An option given on the
 * command line wins; an unset or blank variable leaves the devnet's default.
 *
 * @param node      the node API (or the gateway): {@value #NODE}, else {@code http://127.0.0.1:8080}
 * @param mempool   the mempool API: {@value #MEMPOOL}, else the node's (the gateway serves both)
 * @param walletDir the wallet directory: {@value #WALLET_DIR}, else {@code data/devnet/wallets}
 */
public record WalletEnvironment(String node, String mempool, Path walletDir) {

    public static final String NODE = "NUMI_WALLET_NODE";
    public static final String MEMPOOL = "NUMI_WALLET_MEMPOOL";
    public static final String WALLET_DIR = "NUMI_WALLET_DIR";
    /** Every variable the wallet reads for its defaults. */
    public static final List<String> VARIABLES = List.of(NODE, MEMPOOL, WALLET_DIR);

    static final String DEFAULT_NODE = "http://127.0.0.1:8080";
    static final Path DEFAULT_WALLET_DIR = Path.of("data/devnet/wallets");

    /** The defaults under {@code environment} (a variable's value, or null when unset). */
    public static WalletEnvironment of(UnaryOperator<String> environment) {
        String node = value(environment, NODE, DEFAULT_NODE);
        return new WalletEnvironment(node, value(environment, MEMPOOL, node),
                Path.of(value(environment, WALLET_DIR, DEFAULT_WALLET_DIR.toString())));
    }

    /** The defaults under this process's environment. */
    static WalletEnvironment current() {
        return of(System::getenv);
    }

    private static String value(UnaryOperator<String> environment, String variable, String otherwise) {
        String value = environment.apply(variable);
        return value == null || value.isBlank() ? otherwise : value.strip();
    }
}
