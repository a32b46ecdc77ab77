package io.numicoin.devnet.cli;

import io.numicoin.devnet.wallet.MempoolApi;
import io.numicoin.devnet.wallet.NextNonce;
import io.numicoin.devnet.wallet.NodeApi;
import io.numicoin.protocol.address.Address;
import io.numicoin.protocol.address.AddressDecodeException;
import io.numicoin.protocol.address.AddressFormat;
import io.numicoin.protocol.bytes.Bytes;
import io.numicoin.protocol.codec.DecodeException;
import io.numicoin.protocol.codec.SpendingPolicyCodec;
import io.numicoin.protocol.codec.TransactionCodec;
import io.numicoin.protocol.crypto.MlDsaPrivateKey;
import io.numicoin.protocol.crypto.SpendingPolicy;
import io.numicoin.protocol.money.Amount;
import io.numicoin.protocol.params.NetworkParams;
import io.numicoin.protocol.tx.ProtocolLimits;
import io.numicoin.protocol.tx.Transaction;
import io.numicoin.protocol.tx.TransferTx;
import io.numicoin.support.node.NodeTransactionAnswer;
import io.numicoin.wallet.file.FileFormatException;
import io.numicoin.wallet.file.WalletFiles;
import io.numicoin.wallet.multisig.PolicyFile;
import io.numicoin.wallet.signer.ExternalSigner;
import io.numicoin.wallet.signer.SignerException;
import io.numicoin.wallet.transfer.Networks;
import io.numicoin.wallet.transfer.PartialTransfer;
import io.numicoin.wallet.transfer.PartialTransferCodec;
import io.numicoin.wallet.transfer.PartialTransferException;
import io.numicoin.wallet.transfer.PartialTransferFiles;
import io.numicoin.wallet.transfer.PartialTransferFinalizer;
import io.numicoin.wallet.transfer.PartialTransferSigner;
import io.numicoin.wallet.transfer.TransferDescription;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/**
 * {@code ./numi wallet transfer create|sign|combine|inspect|finalize|broadcast}: the partially
 * signed transfer flow (docs/partial-transfer.md) on files; the logic is the wallet library's
 * ({@code io.numicoin.wallet.transfer}), this class reads options and files and says what happened
 * and what is still missing. Every step reads its file whole through the library's checks.
 */
final class TransferCommand {

    static final String USAGE = """
              transfer create --policy P --to ADDRESS --amount NUMI --out FILE [--fee NUMI] [--memo TEXT]
                     [--expiry-height H] [--nonce N]   an unsigned transfer from the policy's address (P: a policy name
                                                        or file); the nonce from the node and mempool unless --nonce
                                                        (then nothing is asked of the network: --network NET)
              transfer sign --in FILE (--key K | --signer CMD) [--out FILE]
                                                        add the key's signature (or the external signer's: CMD is run
                                                        with the file, docs/signer-protocol.md; --signer-timeout S, default
                                                        300 s); says what is missing
              transfer combine --out FILE FILE1 FILE2 ...  the signatures of copies of one transfer, in one file
              transfer inspect FILE                     what the transfer does, who signed, what is missing
              transfer finalize --in FILE --out TXFILE  the final transaction (hex), checked with the consensus rules
              transfer broadcast --in FILE [--wait]     post a finalized transaction (or a complete partial transfer)
                                                        to the node's public API
            """;

    private static final Amount DEFAULT_FEE = Amount.parseNumi("0.0001");

    /** Units per 1,000 bytes when no fee is given: twice the mempool's default minimum rate (1,000). */
    static final long DEFAULT_FEE_PER_KB = 2_000;
    private static final int MAX_HEX_FILE = 2 * ProtocolLimits.MAX_TRANSACTION_BYTES + 2;

    private final PrintStream out;
    private final WalletKeyCommands keys;

    TransferCommand(PrintStream out, WalletKeyCommands keys) {
        this.out = out;
        this.keys = keys;
    }

    int run(List<String> args) throws Exception {
        if (args.isEmpty()) {
            throw new IllegalArgumentException("transfer needs create, sign, combine, inspect, finalize or broadcast");
        }
        CliArgs cli = CliArgs.parse(args.subList(1, args.size()), Set.of("--wait"));
        return switch (args.getFirst()) {
            case "create" -> create(cli);
            case "sign" -> sign(cli);
            case "combine" -> combine(cli);
            case "inspect" -> inspect(cli);
            case "finalize" -> finalizeTransfer(cli);
            case "broadcast" -> broadcast(cli);
            default -> throw new IllegalArgumentException("unknown transfer command '" + args.getFirst()
                    + "' (create, sign, combine, inspect, finalize, broadcast)");
        };
    }

    private int create(CliArgs cli) throws IOException, FileFormatException, PartialTransferException {
        SpendingPolicy policy = PolicyFile.read(MultisigCommand.resolvePolicy(MultisigCommand.keys(cli),
                cli.required("--policy", "transfer create")));
        Path file = Path.of(cli.required("--out", "transfer create"));
        Address sender = SpendingPolicyCodec.address(policy);
        NetworkParams params;
        long nonce;
        if (cli.has("--nonce")) {
            params = MultisigCommand.network(cli);
            nonce = Long.parseLong(cli.get("--nonce", ""));
        } else {
            NodeApi node = WalletCommand.node(cli.options());
            params = NetworkParams.of(node.chain().network());
            MempoolApi mempool = WalletCommand.mempool(cli.options());
            nonce = NextNonce.of(node, mempool, AddressFormat.encode(sender, params.hrp()), note -> out.println("note:      " + note));
        }
        Amount fee = cli.has("--fee") ? Amount.parseNumi(cli.get("--fee", "")) : null;
        if (fee != null && fee.isZero()) {
            throw new IllegalArgumentException("--fee must be at least 1 unit (0.00000001)");
        }
        Bytes memo = Bytes.of(cli.get("--memo", "").getBytes(StandardCharsets.UTF_8));
        if (memo.length() > ProtocolLimits.MAX_MEMO_BYTES) {
            throw new IllegalArgumentException("--memo has " + memo.length() + " bytes, at most " + ProtocolLimits.MAX_MEMO_BYTES);
        }
        Address to = recipient(cli.required("--to", "transfer create"), params);
        Amount amount = Amount.parseNumi(cli.required("--amount", "transfer create"));
        long expiry = Long.parseLong(cli.get("--expiry-height", "0"));
        if (fee == null) {
            TransferTx sized = new TransferTx(params.chainId(), sender, nonce, to, amount, DEFAULT_FEE, expiry, memo, policy, List.of());
            fee = defaultFee(sized, policy);
        }
        TransferTx unsigned = new TransferTx(params.chainId(), sender, nonce, to, amount, fee, expiry, memo, policy, List.of());
        PartialTransfer transfer = PartialTransfer.unsigned(unsigned);
        PartialTransferFiles.write(file, transfer, false);
        out.println("created:   " + file.toAbsolutePath().normalize() + " (unsigned; copy it to the cosigners)");
        describe(transfer);
        return 0;
    }

    /**
     * The fee when none is given: {@link #DEFAULT_FEE_PER_KB} for the transfer's size once its
     * policy's threshold of signatures is in (an m-of-n spend carries n public keys and m signatures,
     * several times a single-key transfer), and never less than {@link #DEFAULT_FEE}.
     */
    static Amount defaultFee(TransferTx unsigned, SpendingPolicy policy) {
        long size = TransactionCodec.encodedSize(unsigned) + (long) policy.threshold() * TransactionCodec.SIGNATURE_ENTRY_SIZE;
        long units = Math.ceilDiv(size * DEFAULT_FEE_PER_KB, 1000);
        return Amount.ofUnits(Math.max(units, DEFAULT_FEE.units()));
    }

    private int sign(CliArgs cli) throws Exception {
        Path in = Path.of(cli.required("--in", "transfer sign"));
        Path target = Path.of(cli.get("--out", in.toString()));
        PartialTransfer transfer = PartialTransferFiles.read(in);
        PartialTransfer signed;
        if (cli.has("--signer")) {
            String network = Networks.ofChainId(transfer.transaction().chainId()).network().id();
            signed = new ExternalSigner(ExternalSigner.parseCommand(cli.get("--signer", "")), signerTimeout(cli)).sign(network, transfer);
            out.println("signed:    by the external signer (" + (signed.signatures().size() - transfer.signatures().size())
                    + " signature(s) added, each checked)");
        } else {
            if (!cli.has("--key")) {
                throw new IllegalArgumentException("transfer sign needs --key K (a keystore) or --signer CMD (an external signer)");
            }
            MlDsaPrivateKey key = keys.signingKey(cli.options(), WalletCommand.FAUCET);
            PartialTransferSigner.Signed result = new PartialTransferSigner().sign(transfer, key);
            signed = result.transfer();
            out.println(result.alreadySigned() ? "signed:    key " + result.keyIndex() + " had signed already; nothing added"
                    : "signed:    with key " + result.keyIndex() + " ('" + cli.get("--key", "") + "')");
        }
        PartialTransferFiles.write(target, signed, target.equals(in));   // in place, or a new file (never another's)
        out.println("written:   " + target.toAbsolutePath().normalize());
        out.println(TransferDescription.status(signed));
        return 0;
    }

    private int combine(CliArgs cli) throws FileFormatException, PartialTransferException {
        Path target = Path.of(cli.required("--out", "transfer combine"));
        if (cli.positionals().size() < 2) {
            throw new IllegalArgumentException("transfer combine needs at least two files to combine");
        }
        PartialTransfer combined = PartialTransferFiles.read(Path.of(cli.positionals().getFirst()));
        for (String file : cli.positionals().subList(1, cli.positionals().size())) {
            combined = combined.combine(PartialTransferFiles.read(Path.of(file)));
        }
        PartialTransferFiles.write(target, combined, false);
        out.println("combined:  " + cli.positionals().size() + " files into " + target.toAbsolutePath().normalize());
        describe(combined);
        return 0;
    }

    private int inspect(CliArgs cli) throws FileFormatException, PartialTransferException {
        String file = cli.positionals().isEmpty() ? cli.required("--in", "transfer inspect") : cli.positionals().getFirst();
        describe(PartialTransferFiles.read(Path.of(file)));
        return 0;
    }

    private int finalizeTransfer(CliArgs cli) throws FileFormatException, PartialTransferException, IOException {
        PartialTransfer transfer = PartialTransferFiles.read(Path.of(cli.required("--in", "transfer finalize")));
        Path target = Path.of(cli.required("--out", "transfer finalize"));
        TransferTx tx = PartialTransferFinalizer.finalizeTransfer(transfer);
        WalletFiles.write(target, (HexFormat.of().formatHex(TransactionCodec.encode(tx)) + "\n").getBytes(StandardCharsets.US_ASCII), false);
        out.println("finalized: " + target.toAbsolutePath().normalize() + " (" + TransactionCodec.encodedSize(tx)
                + " bytes, " + tx.signatures().size() + " signatures; valid under the consensus rules)");
        out.println("txid:      " + TransactionCodec.txid(tx).toHex());
        return 0;
    }

    private int broadcast(CliArgs cli) throws Exception {
        TransferTx tx = readFinal(Path.of(cli.required("--in", "transfer broadcast")));
        NodeApi node = WalletCommand.node(cli.options());
        NodeTransactionAnswer submitted;
        try {
            submitted = node.submitTransaction(TransactionCodec.encode(tx), note -> out.println("note:      " + note));
        } catch (NodeApi.RefusedException e) {
            out.println("txid:      " + TransactionCodec.txid(tx).toHex());
            out.println(e.getMessage());
            return 1;
        }
        out.println("txid:      " + submitted.txid());
        out.println("status:    " + submitted.status() + (submitted.outcome().isEmpty() ? "" : " by the mempool: " + submitted.outcome()));
        if (!cli.has("--wait")) {
            return 0;
        }
        return WalletCommand.awaitConfirmation(out, node, WalletCommand.mempool(cli.options()), submitted.txid());
    }

    /** A finalized transaction file (hex), or a partial transfer with enough signatures (finalized here). */
    private static TransferTx readFinal(Path file) throws IOException, FileFormatException, PartialTransferException {
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(PartialTransferCodec.MAX_BYTES + 1);
        }
        if (PartialTransferCodec.FORMAT.hasMagic(bytes)) {
            return PartialTransferFinalizer.finalizeTransfer(PartialTransferFiles.read(file));
        }
        String hex = new String(bytes, StandardCharsets.US_ASCII).strip();
        if (bytes.length > MAX_HEX_FILE || hex.isEmpty() || hex.length() % 2 != 0 || !hex.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            throw new IllegalArgumentException(file + " is neither a partially signed transfer nor a finalized transaction (hex)");
        }
        Transaction tx;
        try {
            tx = TransactionCodec.decode(HexFormat.of().parseHex(hex));
        } catch (DecodeException e) {
            throw new IllegalArgumentException(file + " holds no valid transaction: " + e.getMessage(), e);
        }
        if (!(tx instanceof TransferTx transfer)) {
            throw new IllegalArgumentException(file + " holds a coinbase, not a transfer");
        }
        // the consensus rules once more: what was finalized elsewhere is checked before it leaves
        return PartialTransferFinalizer.finalizeTransfer(new PartialTransfer(transfer.withSignatures(List.of()), transfer.signatures()));
    }

    private void describe(PartialTransfer transfer) throws PartialTransferException {
        TransferDescription.lines(transfer).forEach(out::println);
    }

    private static Address recipient(String text, NetworkParams params) {
        try {
            return AddressFormat.decode(text, params.hrp());
        } catch (AddressDecodeException e) {
            throw new IllegalArgumentException("--to '" + text + "' is not a " + params.network().id() + " address: " + e.getMessage());
        }
    }

    static Duration signerTimeout(CliArgs cli) {
        return Duration.ofSeconds(Long.parseLong(cli.get("--signer-timeout", "300")));
    }
}
