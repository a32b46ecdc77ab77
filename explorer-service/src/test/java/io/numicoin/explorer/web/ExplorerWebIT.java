package io.numicoin.explorer.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.numicoin.events.EventMeta;
import io.numicoin.events.MempoolEvent;
import io.numicoin.events.Topics;
import io.numicoin.events.codec.MempoolEventCodec;
import io.numicoin.explorer.RunningExplorer;
import io.numicoin.node.testing.RealNode;
import io.numicoin.protocol.address.Address;
import io.numicoin.protocol.address.AddressFormat;
import io.numicoin.protocol.address.AddressHrp;
import io.numicoin.protocol.block.Block;
import io.numicoin.protocol.codec.BlockHeaderCodec;
import io.numicoin.protocol.codec.SpendingPolicyCodec;
import io.numicoin.protocol.codec.TransactionCodec;
import io.numicoin.protocol.crypto.SpendingPolicy;
import io.numicoin.protocol.tx.TransferTx;
import io.numicoin.testkit.ChainBuilder;
import io.numicoin.testkit.TestKeys;
import io.numicoin.testkit.kafka.EmbeddedKafka;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The web UI end to end in real headless Chromium: a real node (its chain backfilled, then followed
 * on {@code numi.chain.v1} through a reorg), the explorer on real PostgreSQL and Kafka, and
 * {@code numi.mempool.v1} events on the broker. Every page loads (desktop and a 375x812 phone with
 * no horizontal scroll, screenshots in {@code target/screenshots/}); search finds a block, a
 * transaction and an address; a new block and a new mempool transaction appear without reload, a
 * watched transaction's confirmations count up and a watched address's pending count and balance follow; block, transaction and address pages read the
 * same with JavaScript off. One explorer, one node and one broker for the whole class.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ExplorerWebIT {

    private static final ChainBuilder CHAIN = ChainBuilder.regtest();
    private static final AddressHrp HRP = CHAIN.params().hrp();
    private static final SpendingPolicy MULTISIG = new SpendingPolicy(2, List.of(
            TestKeys.key(40).publicKey(), TestKeys.key(41).publicKey(), TestKeys.key(42).publicKey()));
    private static final Address MULTISIG_ADDRESS = SpendingPolicyCodec.address(MULTISIG);

    private static EmbeddedKafka kafka;
    private static RealNode node;
    private static RunningExplorer explorer;
    private static String base;
    private static WebTestClient http;
    private static HeadlessChromium browser;
    private static KafkaProducer<byte[], byte[]> producer;
    private static final List<Block> ACTIVE = new ArrayList<>();
    private static Block stale;
    private static TransferTx payment;
    private static TransferTx multisigSpend;

    @BeforeAll
    static void start() throws Exception {
        kafka = EmbeddedKafka.launch();
        kafka.createTopic(Topics.MEMPOOL, 1);
        node = RealNode.start(kafka, "explorerweb");
        ACTIVE.add(CHAIN.genesis());
        ACTIVE.addAll(CHAIN.extend(CHAIN.genesis(), 101, 1));
        payment = CHAIN.transfer(1, TestKeys.address(10), 150_000_000L, 20_000, 1);
        ACTIVE.add(CHAIN.child(ACTIVE.getLast()).coinbaseTo(TestKeys.address(2))
                .transfers(payment, CHAIN.transfer(1, MULTISIG_ADDRESS, 300_000_000L, 20_000, 2)).build());
        multisigSpend = CHAIN.multisigTransfer(MULTISIG, Map.of(0, TestKeys.key(40), 2, TestKeys.key(42)),
                TestKeys.address(11), 100_000_000L, 30_000, 1);
        ACTIVE.add(CHAIN.child(ACTIVE.getLast()).coinbaseTo(TestKeys.address(2)).transfers(multisigSpend).build());
        ACTIVE.addAll(CHAIN.extend(ACTIVE.getLast(), 2, 2));
        ACTIVE.subList(1, ACTIVE.size()).forEach(node::submit);

        explorer = new RunningExplorer(kafka, node, "explorerweb", "--numi.web.live-poll=200ms");
        base = explorer.baseUrl();
        http = explorer.http();
        await().atMost(Duration.ofSeconds(120)).until(() -> explorer.height() == 105);

        // a reorg of depth 1 followed on the topic: block 105 becomes stale
        stale = ACTIVE.removeLast();
        List<Block> fork = CHAIN.extend(ACTIVE.getLast(), 2, 3);
        fork.forEach(node::submit);
        ACTIVE.addAll(fork);
        await().atMost(Duration.ofSeconds(120)).until(() -> explorer.height() == 106);

        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new ByteArraySerializer(), new ByteArraySerializer());
        browser = HeadlessChromium.start();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (producer != null) {
            producer.close();
        }
        if (explorer != null) {
            explorer.close();
        }
        if (node != null) {
            node.close();
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    private static String id(Block block) {
        return BlockHeaderCodec.id(block.header()).toHex();
    }

    private static String address(int key) {
        return AddressFormat.encode(TestKeys.address(key), HRP);
    }

    /** Every page, by the name its screenshots carry, with a text it must show. */
    private static Map<String, String[]> pages() {
        Map<String, String[]> pages = new LinkedHashMap<>();
        pages.put("home", new String[] {"/", "Projected next blocks"});
        pages.put("block", new String[] {"/block/" + id(ACTIVE.get(102)), "Block 102"});
        pages.put("block-stale", new String[] {"/block/" + id(stale), "Stale"});
        pages.put("transaction", new String[] {"/tx/" + TransactionCodec.txid(multisigSpend).toHex(), "Confirmed in block"});
        pages.put("address-multisig", new String[] {"/address/" + AddressFormat.encode(MULTISIG_ADDRESS, HRP), "2 of 3"});
        pages.put("address", new String[] {"/address/" + address(10), "Not known yet"});
        pages.put("search", new String[] {"/search?q=zzzz", "Nothing matches"});
        pages.put("forks", new String[] {"/forks", "Reorg #1"});
        pages.put("charts", new String[] {"/charts", "Time between blocks"});
        pages.put("charts-720", new String[] {"/charts?blocks=720", "Hash rate"});
        pages.put("supply", new String[] {"/supply", "Next halving"});
        pages.put("not-found", new String[] {"/block/" + "ab".repeat(32), "404"});
        pages.put("bad-request", new String[] {"/tx/nothex", "400"});
        pages.put("no-such-page", new String[] {"/no/such/page", "404"});
        return pages;
    }

    private static void open(String path) {
        browser.open(base + path);
    }

    private static String text() {
        return browser.driver().findElement(By.tagName("body")).getText();
    }

    @Test
    @Order(1)
    void everyPageLoadsOnADesktopAndOnAPhoneWithoutHorizontalScroll() {
        Map<String, Long> overflow = new LinkedHashMap<>();
        for (var page : pages().entrySet()) {
            browser.desktop(1400);
            open(page.getValue()[0]);
            assertThat(text()).as(page.getKey()).contains(page.getValue()[1]);
            browser.screenshot(page.getKey() + "-desktop");

            browser.phone();
            open(page.getValue()[0]);
            assertThat(browser.viewportWidth()).isEqualTo(375);
            assertThat(text()).as(page.getKey()).contains(page.getValue()[1]);
            overflow.put(page.getKey(), browser.horizontalOverflow());
            browser.screenshot(page.getKey() + "-phone");
        }
        browser.desktop(1000);
        assertThat(overflow).as("scrollWidth - clientWidth at 375 px").allSatisfy((page, px) -> assertThat(px).isLessThanOrEqualTo(0L));
    }

    @Test
    @Order(2)
    void searchFindsABlockATransactionAndAnAddress() {
        search("103");
        assertThat(browser.driver().getCurrentUrl()).endsWith("/block/" + id(ACTIVE.get(103)));
        String txid = TransactionCodec.txid(payment).toHex();
        search(txid.toUpperCase());
        assertThat(browser.driver().getCurrentUrl()).endsWith("/tx/" + txid);
        assertThat(text()).contains(address(10));
        search(address(11));
        assertThat(browser.driver().getCurrentUrl()).endsWith("/address/" + address(11));
        assertThat(text()).contains("1 NUMI");
        search(id(stale).substring(0, 10));
        assertThat(browser.driver().getCurrentUrl()).endsWith("/block/" + id(stale));
        search("999999");
        assertThat(browser.driver().findElement(By.id("no-results")).getText()).contains("999999");
    }

    private static void search(String query) {
        WebElement box = browser.driver().findElement(By.cssSelector("header form.search input[name=q]"));
        box.clear();
        box.sendKeys(query, Keys.ENTER);
        await().atMost(Duration.ofSeconds(10)).until(() -> !browser.driver().getCurrentUrl().startsWith(base + "/search?q=")
                || !browser.driver().findElements(By.id("no-results")).isEmpty()
                || !browser.driver().findElements(By.cssSelector("ul.hits")).isEmpty());
    }

    @Test
    @Order(3)
    void aNewBlockAndANewMempoolTransactionAppearWithoutReload() throws Exception {
        open("/");
        browser.script("window.__notReloaded = true;");
        await().atMost(Duration.ofSeconds(10)).until(() -> "open".equals(browser.script("return document.body.dataset.live")));

        Block next = CHAIN.child(ACTIVE.getLast()).coinbaseTo(TestKeys.address(2)).build();
        node.submit(next);
        ACTIVE.add(next);
        await().atMost(Duration.ofSeconds(60)).until(() ->
                !browser.driver().findElements(By.cssSelector("#blocks tr[data-id='" + id(next) + "']")).isEmpty());
        assertThat(browser.driver().findElement(By.id("tip-height")).getText()).isEqualTo("107");

        TransferTx pending = CHAIN.transfer(1, TestKeys.address(12), 70_000_000L, 40_000, 3);
        MempoolEvent.Accepted accepted = MempoolEvent.Accepted.of(
                new EventMeta(CHAIN.params().chainId(), 1, System.currentTimeMillis()), pending,
                40_000L * 1_000 / TransactionCodec.encode(pending).length, 107);
        producer.send(new ProducerRecord<>(Topics.MEMPOOL, MempoolEventCodec.key(accepted),
                MempoolEventCodec.encode(accepted))).get();
        String txid = accepted.txid().toHex();
        await().atMost(Duration.ofSeconds(60)).until(() ->
                !browser.driver().findElements(By.cssSelector("#mempool-txs tr[data-txid='" + txid + "']")).isEmpty());
        assertThat(browser.driver().findElement(By.id("mempool-count")).getText()).isEqualTo("1");
        assertThat(browser.script("return window.__notReloaded === true")).isEqualTo(true);
        browser.screenshot("home-live");

        // the pending transaction's page counts its confirmations as blocks come
        open("/tx/" + txid);
        assertThat(browser.driver().findElement(By.id("tx-status")).getText()).contains("Pending in the mempool");
        browser.script("window.__notReloaded = true;");
        await().atMost(Duration.ofSeconds(10)).until(() -> "open".equals(browser.script("return document.body.dataset.live")));
        Block mined = CHAIN.child(ACTIVE.getLast()).coinbaseTo(TestKeys.address(2)).transfers(pending).build();
        node.submit(mined);
        ACTIVE.add(mined);
        await().atMost(Duration.ofSeconds(60)).until(() -> browser.driver().findElement(By.id("tx-status")).getText()
                .contains("Confirmed in block 108: 1 confirmations"));
        Block after = CHAIN.child(mined).coinbaseTo(TestKeys.address(2)).build();
        node.submit(after);
        ACTIVE.add(after);
        await().atMost(Duration.ofSeconds(60)).until(() -> browser.driver().findElement(By.id("tx-status")).getText()
                .contains("2 confirmations"));
        assertThat(browser.script("return window.__notReloaded === true")).isEqualTo(true);
        browser.screenshot("transaction-live");

        // a watched address: its pending count, then its balance, follow the mempool and the next block
        open("/address/" + address(13));
        assertThat(browser.driver().findElement(By.id("address-balance")).getText()).isEqualTo("0");
        browser.script("window.__notReloaded = true;");
        await().atMost(Duration.ofSeconds(10)).until(() -> "open".equals(browser.script("return document.body.dataset.live")));
        TransferTx toWatched = CHAIN.transfer(1, TestKeys.address(13), 250_000_000L, 40_000, 4);
        MempoolEvent.Accepted offered = MempoolEvent.Accepted.of(
                new EventMeta(CHAIN.params().chainId(), 2, System.currentTimeMillis()), toWatched, 3_000, 109);
        producer.send(new ProducerRecord<>(Topics.MEMPOOL, MempoolEventCodec.key(offered),
                MempoolEventCodec.encode(offered))).get();
        await().atMost(Duration.ofSeconds(60)).until(() ->
                browser.driver().findElement(By.id("address-pending")).getText().equals("1"));
        Block paying = CHAIN.child(ACTIVE.getLast()).coinbaseTo(TestKeys.address(2)).transfers(toWatched).build();
        node.submit(paying);
        ACTIVE.add(paying);
        await().atMost(Duration.ofSeconds(60)).until(() ->
                browser.driver().findElement(By.id("address-balance")).getText().equals("2.5")
                && browser.driver().findElement(By.id("address-pending")).getText().equals("0"));
        assertThat(browser.driver().findElement(By.id("address-txcount")).getText()).isEqualTo("1");
        assertThat(browser.driver().findElement(By.id("address-new")).isDisplayed()).isTrue();
        assertThat(browser.script("return window.__notReloaded === true")).isEqualTo(true);
        browser.screenshot("address-live");
    }

    @Test
    @Order(4)
    void blockTransactionAndAddressPagesReadTheSameWithJavaScriptOff() {
        try (HeadlessChromium noScript = HeadlessChromium.withoutJavaScript()) {
            noScript.open(base + "/block/" + id(ACTIVE.get(103)));
            String block = noScript.driver().findElement(By.tagName("main")).getText();
            assertThat(block).contains("Block 103", id(ACTIVE.get(103)), TransactionCodec.txid(multisigSpend).toHex().substring(0, 8));
            assertThat(noScript.script("return document.body.dataset.live")).isNull();

            noScript.open(base + "/tx/" + TransactionCodec.txid(multisigSpend).toHex());
            assertThat(noScript.driver().findElement(By.tagName("main")).getText())
                    .contains("Confirmed in block 103", AddressFormat.encode(MULTISIG_ADDRESS, HRP), address(11), "1 NUMI");

            noScript.open(base + "/address/" + AddressFormat.encode(MULTISIG_ADDRESS, HRP));
            assertThat(noScript.driver().findElement(By.tagName("main")).getText())
                    .contains("2 of 3", address(40), address(41), address(42), "1.9997");
            noScript.screenshot("address-multisig-nojs");
        }
    }

    @Test
    @Order(5)
    void pagesAndAssetsCarryTheirCacheHeadersAndErrorStatuses() {
        http.get().uri("/block/" + id(ACTIVE.get(5))).exchange().expectStatus().isOk()
                .expectHeader().valueEquals("Cache-Control", "max-age=5, public");
        http.get().uri("/block/" + "cd".repeat(32)).exchange().expectStatus().isNotFound()
                .expectHeader().valueEquals("Cache-Control", "no-store");
        http.get().uri("/address/numi1notanaddress").exchange().expectStatus().isBadRequest();
        http.get().uri("/height/100000").exchange().expectStatus().isNotFound();
        http.get().uri("/height/104").exchange().expectStatus().isSeeOther()
                .expectHeader().valueEquals("Location", "/block/" + id(ACTIVE.get(104)));
        String css = explorer.context().getBean(StaticAssets.class).url("explorer.css");
        http.get().uri(css).exchange().expectStatus().isOk()
                .expectHeader().valueMatches("Cache-Control", "max-age=31536000, public");
        // the API keeps its problem+json answers
        http.get().uri("/api/v1/explorer/blocks/xyz").exchange().expectStatus().isBadRequest()
                .expectHeader().contentType("application/problem+json");
    }
}
