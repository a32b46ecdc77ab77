package io.numicoin.pool.stratum;

import io.numicoin.protocol.address.Address;
import io.numicoin.protocol.address.AddressDecodeException;
import io.numicoin.protocol.address.AddressFormat;
import io.numicoin.protocol.address.AddressHrp;
import java.util.regex.Pattern;

/**
 * A Stratum username: the payout address, optionally followed by {@code .} and a worker name of
 * up to 32 letters, digits, {@code _} or {@code -} ({@code rnumi1....rig-1}).
 */
public record WorkerName(String address, String worker) {

    private static final Pattern WORKER = Pattern.compile("[A-Za-z0-9_-]{1,32}");
    private static final int MAX_USERNAME = 160;

    /** The parsed name, or an explanation of why it is not one. */
    public static WorkerName parse(String username, AddressHrp hrp) throws IllegalArgumentException {
        if (username == null || username.isEmpty() || username.length() > MAX_USERNAME) {
            throw new IllegalArgumentException("username must be ADDRESS or ADDRESS.WORKER");
        }
        int dot = username.indexOf('.');
        String address = dot < 0 ? username : username.substring(0, dot);
        String worker = dot < 0 ? "default" : username.substring(dot + 1);
        if (!WORKER.matcher(worker).matches()) {
            throw new IllegalArgumentException("worker name: 1 to 32 of A-Z a-z 0-9 _ -");
        }
        try {
            Address decoded = AddressFormat.decode(address, hrp);
            return new WorkerName(AddressFormat.encode(decoded, hrp), worker);
        } catch (AddressDecodeException e) {
            throw new IllegalArgumentException("not a payout address of this network: " + e.getMessage());
        }
    }

    public String full() {
        return address + "." + worker;
    }
}
