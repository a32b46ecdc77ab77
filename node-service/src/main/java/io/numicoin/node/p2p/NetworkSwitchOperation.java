package io.numicoin.node.p2p;

import io.numicoin.node.api.admin.AdminOperation;

/**
 * {@code POST /admin/network-off} and {@code POST /admin/network-on} (management port, admin token):
 * the {@link NetworkSwitch}. Answers the state after the switch,
 * e.g. {@code {"active":false,"peersDropped":3,"connectionsClosed":4,"peers":0}}.
 */
public final class NetworkSwitchOperation implements AdminOperation {

    private final NetworkSwitch networkSwitch;
    private final boolean on;

    private NetworkSwitchOperation(NetworkSwitch networkSwitch, boolean on) {
        this.networkSwitch = networkSwitch;
        this.on = on;
    }

    public static NetworkSwitchOperation off(NetworkSwitch networkSwitch) {
        return new NetworkSwitchOperation(networkSwitch, false);
    }

    public static NetworkSwitchOperation on(NetworkSwitch networkSwitch) {
        return new NetworkSwitchOperation(networkSwitch, true);
    }

    @Override
    public String name() {
        return on ? "network-on" : "network-off";
    }

    @Override
    public String description() {
        return on ? "Switches p2p networking back on and dials the bootstrap peers"
                : "Switches p2p networking off: drops every peer, refuses inbound, stops dialling (the API and mining go on)";
    }

    @Override
    public NetworkSwitch.State run() {
        return on ? networkSwitch.on() : networkSwitch.off();
    }
}
