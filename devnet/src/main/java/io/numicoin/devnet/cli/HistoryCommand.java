package io.numicoin.devnet.cli;

import io.numicoin.devnet.wallet.NodeApi;
import io.numicoin.devnet.wallet.WalletKeyException;
import io.numicoin.protocol.address.AddressFormat;
import io.numicoin.protocol.codec.SpendingPolicyCodec;
import io.numicoin.protocol.params.NetworkParams;
import io.numicoin.support.node.NodeAccount;
import io.numicoin.support.node.NodeTransaction;
import io.numicoin.wallet.file.FileFormatException;
import io.numicoin.wallet.multisig.PolicyFile;
import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.Set;

/**
 * {@code ./numi wallet history}: an account's transactions on the active chain, newest first, a
 * page at a time ({@code GET /api/v1/accounts/{address}}), each with its amount and fee from
 * {@code GET /api/v1/transactions/{txid}} (the account history carries none).
 */
final class HistoryCommand {

    static final String USAGE = """
              history [--key K | --address A | --policy P] [--limit N] [--cursor C]
                                                        the account's transactions, newest first (N per page, default 20;
                                                        C: the cursor the previous page printed)
            """;

    private final PrintStream out;
    private final WalletKeyCommands keys;

    HistoryCommand(PrintStream out, WalletKeyCommands keys) {
        this.out = out;
        this.keys = keys;
    }

    int run(List<String> args) throws IOException, WalletKeyException, FileFormatException {
        CliArgs cli = CliArgs.parse(args, Set.of());
        NodeApi node = WalletCommand.node(cli.options());
        NetworkParams params = NetworkParams.of(node.chain().network());
        String address;
        if (cli.has("--address")) {
            address = cli.get("--address", "");
        } else if (cli.has("--policy")) {
            address = AddressFormat.encode(SpendingPolicyCodec.address(PolicyFile.read(
                    MultisigCommand.resolvePolicy(MultisigCommand.keys(cli), cli.get("--policy", "")))), params.hrp());
        } else {
            address = AddressFormat.encode(keys.address(cli.options(), WalletCommand.FAUCET), params.hrp());
        }
        int limit = Integer.parseInt(cli.get("--limit", "20"));
        if (limit < 1 || limit > 100) {
            throw new IllegalArgumentException("--limit is 1..100, got " + limit);
        }
        NodeAccount history = node.history(address, limit, cli.get("--cursor", ""));
        out.println("address:  " + address);
        out.println("balance:  " + WalletCommand.numi(history.balanceUnits()) + " NUMI (nonce " + history.nonce() + ", tip " + history.tipHeight() + ")");
        if (history.transactions().isEmpty()) {
            out.println("no transactions" + (cli.has("--cursor") ? " after this cursor" : ""));
        }
        for (NodeAccount.Entry entry : history.transactions()) {
            NodeTransaction tx = node.transaction(entry.txid());
            String counterpart = switch (entry.direction()) {
                case "SENT" -> "to   " + tx.recipient();
                case "RECEIVED" -> "from " + tx.sender();
                case "SELF" -> "to   itself";
                default -> "mined";
            };
            String amount = (entry.direction().equals("SENT") ? "-" : "+") + WalletCommand.numi(tx.amountUnits());
            out.println(String.format("%8d  %-8s %18s NUMI%s  %s  %s", entry.height(), entry.direction(), amount,
                    tx.feeUnits() > 0 && !entry.direction().equals("RECEIVED") ? " (fee " + WalletCommand.numi(tx.feeUnits()) + ")" : "",
                    counterpart, entry.txid()));
        }
        if (!history.nextCursor().isEmpty()) {
            out.println("more:     --cursor " + history.nextCursor());
        }
        return 0;
    }
}
