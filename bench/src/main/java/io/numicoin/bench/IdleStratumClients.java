package io.numicoin.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A separate process for {@code pool.connections} (its own file-descriptor limit): opens {@code N}
 * connections to a Stratum server, subscribes and authorizes each, prints {@code connected N} and
 * then holds them idle until its standard input closes.
 */
public final class IdleStratumClients {

    private IdleStratumClients() {
    }

    public static void main(String[] args) throws IOException {
        InetSocketAddress pool = new InetSocketAddress("127.0.0.1", Integer.parseInt(args[0]));
        int count = Integer.parseInt(args[1]);
        String user = args[2];
        byte[] hello = ("{\"id\":1,\"method\":\"mining.subscribe\",\"params\":[]}\n{\"id\":2,\"method\":\"mining.authorize\",\"params\":[\""
                + user + "\",\"x\"]}\n").getBytes(StandardCharsets.UTF_8);
        List<SocketChannel> open = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            try {
                SocketChannel channel = SocketChannel.open(pool);
                channel.write(ByteBuffer.wrap(hello));
                open.add(channel);
            } catch (IOException e) {
                System.out.println("failed after " + open.size() + ": " + e.getMessage());
                break;
            }
        }
        System.out.println("connected " + open.size());
        System.out.flush();
        while (System.in.read() >= 0) {
            // hold until the parent closes our input
        }
        for (SocketChannel channel : open) {
            channel.close();
        }
    }
}
