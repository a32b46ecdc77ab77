package io.numicoin.devnet.load;

import io.numicoin.devnet.wallet.Account;
import io.numicoin.protocol.address.AddressFormat;
import io.numicoin.protocol.crypto.MlDsaPrivateKey;
import io.numicoin.protocol.params.NetworkParams;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

/**
 * The load's accounts, their keys drawn from a seeded generator: the same seed gives the same
 * addresses (and, with {@link TransferFactory}, the same transfers), so a failing run can be replayed.
 * Regtest keys only: the seed is no secret.
 */
public final class LoadAccounts {

    private LoadAccounts() {
    }

    public static List<LoadAccount> generate(int count, long seed, NetworkParams params) {
        if (count < 2) {
            throw new IllegalArgumentException("the load needs at least 2 accounts, got " + count);
        }
        SecureRandom random;
        try {
            random = SecureRandom.getInstance("SHA1PRNG");   // deterministic once seeded before its first use
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA1PRNG is part of every JDK", e);
        }
        random.setSeed(seed);
        List<LoadAccount> accounts = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Account account = Account.of(MlDsaPrivateKey.generate(random));
            accounts.add(new LoadAccount(i, account, AddressFormat.encode(account.address(), params.hrp())));
        }
        return List.copyOf(accounts);
    }
}
