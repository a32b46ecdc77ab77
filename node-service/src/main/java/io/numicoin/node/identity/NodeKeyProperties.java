package io.numicoin.node.identity;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code numi.node-key.*}: how the node's libp2p identity key is kept (docs/keystore.md).
 *
 * @param passphraseSource where the passphrase of the encrypted key ({@code node-key.numikey} in
 *     {@code numi.p2p.data-dir}) comes from: {@code file:PATH} or {@code env:VARIABLE} (a variable
 *     naming the file: a Kubernetes or compose secret), {@code prompt} for a node run by hand. Empty:
 *     the plain {@code node.key} of old, with a warning; a node whose key is encrypted then refuses to start
 */
@Validated
@ConfigurationProperties(prefix = "numi.node-key")
public record NodeKeyProperties(
        @NotNull @DefaultValue("") @Pattern(regexp = "|prompt|file:.+|env:.+",
                message = "is prompt, file:PATH or env:VARIABLE (a variable naming the passphrase file)") String passphraseSource) {
}
