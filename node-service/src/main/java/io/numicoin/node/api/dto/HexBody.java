package io.numicoin.node.api.dto;

/** A JSON request body carrying encoded bytes: {@code {"hex": "01..."}}. */
public record HexBody(String hex) {
}
