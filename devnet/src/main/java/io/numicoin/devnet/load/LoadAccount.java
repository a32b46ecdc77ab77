package io.numicoin.devnet.load;

import io.numicoin.devnet.wallet.Account;

/**
 * One account of the load: its key, its bech32m address, its index among the load's accounts and
 * the nonce of the transfer it offers next. Only the worker that holds the account touches it.
 */
public final class LoadAccount {

    private final int index;
    private final Account account;
    private final String address;
    private long nextNonce = 1;

    public LoadAccount(int index, Account account, String address) {
        this.index = index;
        this.account = account;
        this.address = address;
    }

    public int index() {
        return index;
    }

    public Account account() {
        return account;
    }

    public String address() {
        return address;
    }

    public long nextNonce() {
        return nextNonce;
    }

    public void nonce(long next) {
        nextNonce = next;
    }
}
