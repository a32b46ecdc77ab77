package io.numicoin.node.api;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document's title and the error shape every operation shares: a {@code Problem}
 * schema (RFC 9457 with the {@code rule} member) as each operation's default response.
 */
@Configuration(proxyBeanMethods = false)
public class OpenApiConfig {

    @Bean
    public OpenAPI nodeOpenApi() {
        return new OpenAPI()
                .info(new Info().title("NumiCoin node API").version("v1")
                        .description("The chain, blocks, transactions and accounts of one NumiCoin node; submitting "
                                + "signed transactions and mined blocks; a live event stream. Errors are "
                                + "application/problem+json with a rule member (docs/api.md)."));
    }

    @Bean
    public OpenApiCustomizer problemResponses() {
        return openApi -> {
            if (openApi.getComponents() == null) {
                openApi.setComponents(new Components());
            }
            openApi.getComponents().addSchemas("Problem", problemSchema());
            openApi.getPaths().values().forEach(path -> path.readOperations().forEach(operation ->
                    operation.getResponses().addApiResponse("default", new ApiResponse()
                            .description("A problem: the request was refused or failed (see rule)")
                            .content(new Content().addMediaType("application/problem+json",
                                    new MediaType().schema(new Schema<>().$ref("#/components/schemas/Problem")))))));
        };
    }

    private static Schema<?> problemSchema() {
        return new ObjectSchema()
                .description("RFC 9457 problem details")
                .addProperty("type", new StringSchema().format("uri").example("https://numicoin.io/problems/bad-signature"))
                .addProperty("title", new StringSchema().example("Bad signature"))
                .addProperty("status", new IntegerSchema().example(422))
                .addProperty("detail", new StringSchema().example("signature 0 does not verify"))
                .addProperty("instance", new StringSchema().example("/api/v1/transactions"))
                .addProperty("rule", new StringSchema().example("BAD_SIGNATURE")
                        .description("The rule that was broken; the type URI ends with it in lower-kebab case"));
    }
}
