package io.numicoin.devnet;

import io.numicoin.devnet.faucet.Faucet;
import io.numicoin.devnet.process.ServiceSpec;
import io.numicoin.devnet.wallet.RandomSecretFile;
import io.numicoin.protocol.address.AddressFormat;
import io.numicoin.protocol.codec.SpendingPolicyCodec;
import io.numicoin.protocol.crypto.MlDsaPublicKey;
import io.numicoin.protocol.crypto.SpendingPolicy;
import io.numicoin.protocol.params.NetworkParams;
import io.numicoin.wallet.keystore.KeyKind;
import io.numicoin.wallet.keystore.Keystore;
import io.numicoin.wallet.keystore.KeystoreException;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code ./numi devnet --pool}: the mining pool (pool-service, its own database {@code numi_pool},
 * API 8088, management 9088 (8087 is node4), Stratum 127.0.0.1:3333, each plus the port offset) and the bundled
 * CPU Stratum miner mining to it for the faucet's address. The pool's key is an encrypted keystore
 * in the data directory ({@code pool.numikey}, opened by the random {@code pool.passphrase}).
 */
record DevnetPool(DevnetLayout layout, int offset, Path jar, String postgresHost, String kafka, int nodeApi, int mempoolApi) {

    static final String DATABASE = "numi_pool";

    static Path findJar(Path root) throws IOException {
        return ServiceJars.find(root, "pool-service", "-exec.jar");
    }

    int api() {
        return 8088 + offset;
    }

    int management() {
        return 9088 + offset;
    }

    int stratum() {
        return 3333 + offset;
    }

    Path keystore() {
        return layout.dir().resolve("pool.numikey");
    }

    Path passphrase() {
        return layout.dir().resolve("pool.passphrase");
    }

    /** Makes the pool's keystore on the first run; its address. */
    String ensureKey() throws IOException {
        RandomSecretFile.ensure(passphrase(), "pool passphrase");
        try {
            if (!Files.exists(keystore())) {
                char[] secret = Files.readAllLines(passphrase()).getFirst().toCharArray();
                new Keystore(new SecureRandom()).generate(keystore(), KeyKind.ML_DSA_65_SEED, secret, Faucet.KDF);
            }
            MlDsaPublicKey key = new MlDsaPublicKey(Keystore.inspect(keystore()).publicKey());
            return AddressFormat.encode(SpendingPolicyCodec.address(SpendingPolicy.singleKey(key)), NetworkParams.regtest().hrp());
        } catch (KeystoreException e) {
            throw new IOException("pool keystore " + keystore() + ": " + e.getMessage(), e);
        }
    }

    ServiceSpec pool() {
        List<String> args = new ArrayList<>(List.of(
                "--numi.network=regtest",
                "--server.port=" + api(),
                "--server.address=127.0.0.1",
                "--management.server.port=" + management(),
                "--management.server.address=127.0.0.1",
                "--spring.kafka.bootstrap-servers=" + kafka,
                "--spring.main.banner-mode=off",
                "--spring.datasource.url=jdbc:postgresql://" + postgresHost + "/" + DATABASE,
                "--numi.pool.keystore=" + keystore().toAbsolutePath(),
                "--numi.pool.passphrase-source=file:" + passphrase().toAbsolutePath(),
                "--numi.stratum.address=127.0.0.1",
                "--numi.stratum.port=" + stratum(),
                "--numi.upstream.node=http://127.0.0.1:" + nodeApi,
                "--numi.upstream.mempool=http://127.0.0.1:" + mempoolApi,
                "--numi.upstream.mining-token-file=" + layout.miningToken().toAbsolutePath()));
        return new ServiceSpec("pool", jar, jvm("384m"), args, layout.service("pool"), layout.log("pool"),
                URI.create("http://127.0.0.1:" + management() + "/actuator/health/readiness"), "http://127.0.0.1:" + api() + "/", "");
    }

    /** The bundled CPU miner ({@code java -jar pool-service.jar cpuminer ...}); it has no HTTP, so it is "ready" with the pool. */
    ServiceSpec cpuMiner(String payoutAddress) {
        return new ServiceSpec("cpuminer", jar, jvm("128m"), List.of("cpuminer", "127.0.0.1:" + stratum(), payoutAddress + ".devnet", "1"),
                layout.service("cpuminer"), layout.log("cpuminer"),
                URI.create("http://127.0.0.1:" + management() + "/actuator/health/readiness"), "stratum+tcp://127.0.0.1:" + stratum(), "");
    }

    private static List<String> jvm(String heap) {
        List<String> options = new ArrayList<>();
        options.add("-Xmx" + heap);
        options.addAll(ServicePlan.COMMON_JVM);
        return options;
    }
}
