package io.numicoin.devnet.cli;

import io.numicoin.devnet.wallet.PublicKeyRefs;
import io.numicoin.devnet.wallet.WalletKeyException;
import io.numicoin.devnet.wallet.WalletKeys;
import io.numicoin.protocol.address.AddressFormat;
import io.numicoin.protocol.address.AddressHrp;
import io.numicoin.protocol.codec.SpendingPolicyCodec;
import io.numicoin.protocol.crypto.MlDsaPublicKey;
import io.numicoin.protocol.crypto.SpendingPolicy;
import io.numicoin.protocol.params.Network;
import io.numicoin.protocol.params.NetworkParams;
import io.numicoin.wallet.file.FileFormatException;
import io.numicoin.wallet.multisig.MultisigPolicies;
import io.numicoin.wallet.multisig.PolicyFile;
import io.numicoin.wallet.signer.ExternalSigner;
import io.numicoin.wallet.signer.SignerException;
import io.numicoin.wallet.transfer.TransferDescription;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * {@code ./numi wallet multisig create|inspect} and {@code ./numi wallet public-key}: m-of-n
 * policies from the cosigners' public keys (names, keystores, public key files, or an external
 * signer's keys), kept as {@code <wallet dir>/NAME.numipolicy} (docs/partial-transfer.md).
 */
final class MultisigCommand {

    static final String USAGE = """
              public-key --key K [--out FILE]           the key's public key (hex), to give to cosigners
              multisig create --name P --threshold M --keys K1,K2,... [--signer CMD]
                                                        an M-of-N policy of the keys (names, keystore files or public key
                                                        files; --signer adds the external signer's keys); stores
                                                        <wallet dir>/P.numipolicy and prints its address
              multisig inspect --policy P               the policy's address, threshold and keys (P: a name or a file)
            """;

    private final PrintStream out;

    MultisigCommand(PrintStream out) {
        this.out = out;
    }

    int run(List<String> args) throws IOException, WalletKeyException, FileFormatException, SignerException {
        if (args.isEmpty()) {
            throw new IllegalArgumentException("multisig needs create or inspect");
        }
        CliArgs cli = CliArgs.parse(args.subList(1, args.size()), Set.of());
        return switch (args.getFirst()) {
            case "create" -> create(cli);
            case "inspect" -> inspect(cli);
            default -> throw new IllegalArgumentException("unknown multisig command '" + args.getFirst() + "' (create, inspect)");
        };
    }

    int publicKey(List<String> args) throws IOException, WalletKeyException, FileFormatException {
        CliArgs cli = CliArgs.parse(args, Set.of());
        MlDsaPublicKey key = PublicKeyRefs.resolve(keys(cli), cli.required("--key", "public-key"));
        if (cli.has("--out")) {
            Path file = Path.of(cli.get("--out", ""));
            Files.writeString(file, PublicKeyRefs.text(key), java.nio.file.StandardOpenOption.CREATE_NEW);
            out.println("public key of '" + cli.get("--key", "") + "' written to " + file.toAbsolutePath().normalize()
                    + " (public: give it to your cosigners)");
        } else {
            out.print(PublicKeyRefs.text(key));
        }
        return 0;
    }

    private int create(CliArgs cli) throws IOException, WalletKeyException, FileFormatException, SignerException {
        WalletKeys keys = keys(cli);
        String name = cli.required("--name", "multisig create");
        Path file = policyFile(keys, name);
        if (Files.exists(file)) {
            throw new IllegalArgumentException("a policy named '" + name + "' exists already (" + file + "); not replaced");
        }
        List<MlDsaPublicKey> members = new ArrayList<>();
        if (cli.has("--keys")) {
            for (String ref : Arrays.stream(cli.get("--keys", "").split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList()) {
                members.add(PublicKeyRefs.resolve(keys, ref));
            }
        }
        if (cli.has("--signer")) {
            members.addAll(new ExternalSigner(ExternalSigner.parseCommand(cli.get("--signer", "")), TransferCommand.signerTimeout(cli)).keys());
        }
        int threshold;
        try {
            threshold = Integer.parseInt(cli.required("--threshold", "multisig create"));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--threshold is a number of keys, got '" + cli.get("--threshold", "") + "'");
        }
        SpendingPolicy policy = MultisigPolicies.sorted(threshold, members);
        PolicyFile.create(file, policy);
        out.println("policy:  " + file.toAbsolutePath().normalize() + " (public; copy it to every cosigner)");
        describe(policy, network(cli));
        return 0;
    }

    private int inspect(CliArgs cli) throws FileFormatException {
        String ref = cli.required("--policy", "multisig inspect");
        describe(PolicyFile.read(resolvePolicy(keys(cli), ref)), network(cli));
        return 0;
    }

    private void describe(SpendingPolicy policy, NetworkParams params) {
        AddressHrp hrp = params.hrp();
        out.println("address: " + AddressFormat.encode(SpendingPolicyCodec.address(policy), hrp));
        out.println("policy:  " + policy.threshold() + " of " + policy.keys().size() + " keys (sorted by their bytes)");
        for (int i = 0; i < policy.keys().size(); i++) {
            out.println("  key " + i + ":  " + TransferDescription.keyName(policy.keys().get(i), hrp));
        }
    }

    /** A policy name in the wallet directory, or a policy file. */
    static Path resolvePolicy(WalletKeys keys, String ref) {
        boolean pathLike = ref.contains("/") || ref.contains(".") || ref.contains("\\");
        return pathLike ? Path.of(ref) : policyFile(keys, ref);
    }

    private static Path policyFile(WalletKeys keys, String name) {
        Path keyFile = keys.file(name);   // checks the name
        return keyFile.resolveSibling(name + PolicyFile.SUFFIX);
    }

    static WalletKeys keys(CliArgs cli) {
        return new WalletKeys(Path.of(cli.get("--wallet-dir", WalletEnvironment.current().walletDir().toString())));
    }

    static NetworkParams network(CliArgs cli) {
        return NetworkParams.of(Network.fromId(cli.get("--network", "regtest")));
    }
}
