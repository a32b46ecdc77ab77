package io.numicoin.wallet.signer;

import io.numicoin.protocol.address.AddressFormat;
import io.numicoin.protocol.codec.SpendingPolicyCodec;
import io.numicoin.protocol.crypto.MlDsaPublicKey;
import io.numicoin.protocol.crypto.SpendingPolicy;
import io.numicoin.protocol.params.Network;
import io.numicoin.protocol.params.NetworkParams;
import io.numicoin.wallet.keystore.KdfParams;
import io.numicoin.wallet.keystore.KeystoreException;
import io.numicoin.wallet.passphrase.PassphraseException;
import io.numicoin.wallet.passphrase.PassphraseSource;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * {@code ./numi signer} (or {@code java -cp wallet.jar io.numicoin.wallet.signer.ReferenceSignerMain}):
 * the reference signer's command line.
 *
 * <pre>
 * numi signer --keystore FILE [--passphrase-source S] [--network NET] init   a new key in its own keystore
 * numi signer --keystore FILE [--network NET] keys                          numi-signer/1 keys (stdin/stdout JSON)
 * numi signer --keystore FILE [--passphrase-source S] [--network NET] sign  numi-signer/1 sign (stdin/stdout JSON)
 * </pre>
 *
 * Exit codes: 0 answered, 1 refused or failed (a JSON error on standard output for the protocol's
 * actions), 2 a usage error.
 */
public final class ReferenceSignerMain {

    public static final String USAGE = """
            usage: ./numi signer --keystore FILE [--passphrase-source S] [--network NET] ACTION

              init   make the signer's key: a new encrypted keystore at FILE; prints its public key's address
                     and, once, its 24 recovery words
              keys   numi-signer/1: answer the public key on standard output (request on standard input)
              sign   numi-signer/1: sign the partially signed transfer of the request (standard input) with the key,
                     if it is in the transfer's policy and the transfer is for NET; what is signed goes to standard error

              --passphrase-source S  prompt (default), file:PATH or env:VARIABLE (a variable naming the file)
              --network NET          regtest (default), testnet or mainnet: the only network this signer signs for
            the protocol: docs/signer-protocol.md
            """;

    private ReferenceSignerMain() {
    }

    public static void main(String[] args) {
        System.exit(run(List.of(args), System.in, System.out, System.err, System.console(), System::getenv));
    }

    public static int run(List<String> args, InputStream stdin, PrintStream stdout, PrintStream stderr, Console console,
            UnaryOperator<String> environment) {
        Map<String, String> options = new HashMap<>();
        String action = null;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.startsWith("--") && i + 1 < args.size()) {
                options.put(arg, args.get(++i));
            } else if (!arg.startsWith("--") && action == null) {
                action = arg;
            } else {
                stderr.print(USAGE);
                return 2;
            }
        }
        if (action == null || !options.containsKey("--keystore") || !List.of("init", "keys", "sign").contains(action)) {
            stderr.print(USAGE);
            return action == null || action.equals("help") ? 0 : 2;
        }
        Network network;
        PassphraseSource passphrase;
        try {
            network = Network.fromId(options.getOrDefault("--network", "regtest"));
            passphrase = PassphraseSource.parse(options.getOrDefault("--passphrase-source", "prompt"), console, environment,
                    action.equals("init"));
        } catch (IllegalArgumentException | PassphraseException e) {
            stderr.println("numi signer: " + e.getMessage());
            return 2;
        }
        ReferenceSigner signer = new ReferenceSigner(Path.of(options.get("--keystore")), passphrase, network, stderr);
        if (action.equals("init")) {
            return init(signer, network, stdout, stderr);
        }
        try {
            byte[] request = stdin.readNBytes(SignerProtocol.MAX_MESSAGE_BYTES + 1);
            stdout.write(action.equals("keys") ? signer.keys(request) : signer.sign(request));
            stdout.println();
            stdout.flush();
            return 0;
        } catch (SignerException e) {
            stderr.println("numi signer: " + e.code() + ": " + e.getMessage());
            byte[] error = SignerProtocol.errorAnswer(e.code(), e.getMessage());
            stdout.write(error, 0, error.length);
            stdout.println();
            stdout.flush();
            return 1;
        } catch (IOException e) {
            stderr.println("numi signer: cannot read the request: " + e.getMessage());
            return 1;
        }
    }

    private static int init(ReferenceSigner signer, Network network, PrintStream stdout, PrintStream stderr) {
        try {
            List<String> words = signer.init(KdfParams.DEFAULT);
            MlDsaPublicKey key = signer.publicKey();
            stdout.println("signer key: " + AddressFormat.encode(SpendingPolicyCodec.address(SpendingPolicy.singleKey(key)),
                    NetworkParams.of(network).hrp()) + " (encrypted keystore, Argon2id + AES-256-GCM)");
            stdout.println("RECOVERY WORDS, shown only this once; write them down and keep them offline:");
            stdout.println("  " + String.join(" ", words));
            return 0;
        } catch (KeystoreException | PassphraseException e) {
            stderr.println("numi signer: " + e.getMessage());
            return 1;
        }
    }
}
