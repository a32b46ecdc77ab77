package io.numicoin.node;

import java.util.Arrays;
import java.util.Locale;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The NumiCoin node: the chain in PostgreSQL, every change to Kafka, the node API on port 8082.
 * {@code --numi.command=reindex} (or {@code NUMI_COMMAND=reindex}) runs that command without the web
 * server and exits with its code.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class NodeApplication {

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(NodeApplication.class);
        boolean command = isCommand(args);
        if (command) {
            application.setWebApplicationType(WebApplicationType.NONE);
        }
        ConfigurableApplicationContext context = application.run(args);
        if (command) {
            System.exit(SpringApplication.exit(context));
        }
    }

    /** True when the arguments or environment ask for a command other than {@code serve}. */
    static boolean isCommand(String[] args) {
        String fromArgs = Arrays.stream(args).filter(a -> a.startsWith("--numi.command="))
                .map(a -> a.substring("--numi.command=".length())).reduce((a, b) -> b).orElse(null);
        String value = fromArgs != null ? fromArgs : System.getenv("NUMI_COMMAND");
        return value != null && !value.trim().toLowerCase(Locale.ROOT).equals("serve");
    }
}
