package io.numicoin.bench;

import io.numicoin.protocol.address.Address;
import io.numicoin.protocol.hash.Hash256;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Fills an empty explorer read model with {@code blocks} active blocks of {@code txPerBlock}
 * transactions (a coinbase and transfers) among {@code addresses} addresses, in SQL
 * ({@code INSERT ... SELECT} over {@code generate_series}, 10,000 blocks a statement): signing and
 * indexing a million real transfers takes hours on a small machine, and the query benchmark measures
 * the tables and indexes, which this fills to the same shape the indexer writes (every row a block,
 * transaction, history entry or balance as {@code PostgresExplorerStore} would store it; each
 * transaction's {@code raw} is a real encoded transaction of the right size). Ids are SHA-256 of
 * {@code block:h}, {@code tx:h:i} and {@code addr:k}, so the benchmark's clients compute what to ask for.
 */
final class ExplorerBulkFill {

    private static final int CHUNK = 10_000;
    static final long FIRST_TIME = 1_900_000_000L;

    private ExplorerBulkFill() {
    }

    static void fill(JdbcTemplate jdbc, int blocks, int txPerBlock, int addresses, int targetBits, BigInteger work,
            byte[] coinbaseRaw, byte[] transferRaw) {
        jdbc.execute("SET synchronous_commit = off");
        int size = 100 + coinbaseRaw.length + (txPerBlock - 1) * transferRaw.length;
        for (int from = 0; from < blocks; from += CHUNK) {
            int to = Math.min(blocks, from + CHUNK) - 1;
            jdbc.update("""
                    INSERT INTO block (id, height, parent_id, time_s, target_bits, work, cumulative_work, tx_count, size,
                        state_commitment, merkle_root, nonce, version, status)
                    SELECT sha256(convert_to('block:' || h, 'UTF8')), h,
                           CASE WHEN h = 0 THEN decode(repeat('00', 32), 'hex') ELSE sha256(convert_to('block:' || (h - 1), 'UTF8')) END,
                           ? + h * 15, ?, ?, ? * (h + 1), ?, ?, sha256(convert_to('state:' || h, 'UTF8')),
                           sha256(convert_to('merkle:' || h, 'UTF8')), h, 1, 'ACTIVE'
                    FROM generate_series(?::bigint, ?::bigint) h""",
                    FIRST_TIME, targetBits, new BigDecimal(work), new BigDecimal(work), txPerBlock, size, from, to);
            // sender s = (7h + i) mod A; recipient (s + 1 + h mod (A - 1)) mod A, never the sender
            jdbc.update("""
                    INSERT INTO tx (block_id, tx_index, txid, coinbase, sender, recipient, amount, fee, nonce, memo, raw)
                    SELECT sha256(convert_to('block:' || h, 'UTF8')), i, sha256(convert_to('tx:' || h || ':' || i, 'UTF8')),
                           i = 0,
                           CASE WHEN i = 0 THEN NULL ELSE sha256(convert_to('addr:' || ((7 * h + i) % ?), 'UTF8')) END,
                           CASE WHEN i = 0 THEN sha256(convert_to('addr:' || (h % ?), 'UTF8'))
                                ELSE sha256(convert_to('addr:' || (((7 * h + i) % ?) + 1 + h % (? - 1)) % ?, 'UTF8')) END,
                           CASE WHEN i = 0 THEN 8888000000 ELSE 1000 + i END, CASE WHEN i = 0 THEN 0 ELSE 100 END,
                           CASE WHEN i = 0 THEN 0 ELSE h END, ''::bytea, CASE WHEN i = 0 THEN ? ELSE ? END
                    FROM generate_series(?::bigint, ?::bigint) h, generate_series(0, ? - 1) i""",
                    addresses, addresses, addresses, addresses, addresses, coinbaseRaw, transferRaw, from, to, txPerBlock);
            jdbc.update("""
                    INSERT INTO address_history (address, height, tx_index, block_id, txid, direction, delta)
                    SELECT t.recipient, b.height, t.tx_index, t.block_id, t.txid, 'IN', t.amount
                    FROM tx t JOIN block b ON b.id = t.block_id WHERE b.height BETWEEN ? AND ? AND b.height > 0
                    UNION ALL
                    SELECT t.sender, b.height, t.tx_index, t.block_id, t.txid, 'OUT', -(t.amount + t.fee)
                    FROM tx t JOIN block b ON b.id = t.block_id WHERE b.height BETWEEN ? AND ? AND NOT t.coinbase
                        AND b.height > 0""", from, to, from, to);
            System.err.printf("bench explorer: filled blocks %d..%d%n", from, to);
        }
        jdbc.update("""
                INSERT INTO address_balance (address, balance, received, sent, tx_count)
                SELECT address, sum(delta), sum(greatest(delta, 0)), sum(greatest(-delta, 0)), count(*)
                FROM address_history GROUP BY address""");
        jdbc.update("""
                INSERT INTO chain_cursor (id, tip_id, tip_height, tip_work, sequence)
                SELECT 1, id, height, cumulative_work, -1 FROM block WHERE height = ?""", blocks - 1);
        jdbc.execute("ANALYZE");
        jdbc.execute("SET synchronous_commit = on");
    }

    static Hash256 blockId(long height) {
        return sha256("block:" + height);
    }

    static Hash256 txid(long height, int index) {
        return sha256("tx:" + height + ":" + index);
    }

    static Address address(int k) {
        return new Address(sha256("addr:" + k));
    }

    private static Hash256 sha256(String text) {
        try {
            return Hash256.of(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
