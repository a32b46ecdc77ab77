import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/** The stand-in's kafka-broker-api-versions.sh: exits 0 when the broker answers, 1 otherwise. */
public final class KafkaReady {

    public static void main(String[] args) throws Exception {
        String servers = "localhost:9092";
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals("--bootstrap-server")) {
                servers = args[i + 1];
            }
        }
        try (Admin admin = Admin.create(Map.<String, Object>of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, servers,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000, AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000))) {
            System.out.println("cluster " + admin.describeCluster().clusterId().get(5, TimeUnit.SECONDS) + " answers at " + servers);
        } catch (Exception e) {
            System.err.println("no broker answers at " + servers + ": " + e);
            System.exit(1);
        }
    }
}
