package io.numicoin.devnet.faucet;

import io.numicoin.devnet.wallet.Account;
import io.numicoin.devnet.wallet.KeyFile;
import io.numicoin.protocol.address.AddressFormat;
import io.numicoin.protocol.params.NetworkParams;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The devnet's funded account: an ML-DSA-65 key kept in the data directory ({@code faucet.key},
 * made on the first run). The miner pays every coinbase to its address, so once the first reward
 * has matured ({@code COINBASE_MATURITY} blocks later) it can send coins at once.
 */
public record Faucet(Path keyFile, Account account, String address) {

    public static Faucet loadOrCreate(Path keyFile, NetworkParams params) throws IOException {
        Account account = Account.of(KeyFile.readOrCreate(keyFile));
        return new Faucet(keyFile, account, AddressFormat.encode(account.address(), params.hrp()));
    }
}
