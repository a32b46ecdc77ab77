package io.numicoin.seed.dns;

/** How a query arrived: it decides the largest reply. */
public enum DnsTransport {
    UDP,
    TCP
}
