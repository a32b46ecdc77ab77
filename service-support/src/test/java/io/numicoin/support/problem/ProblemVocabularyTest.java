package io.numicoin.support.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class ProblemVocabularyTest {

    @Test
    void typeAndTitleFollowFromTheRule() {
        assertThat(ProblemVocabulary.typeOf("REPLACEMENT_UNDERPAID").toString())
                .isEqualTo("https://numicoin.io/problems/replacement-underpaid");
        assertThat(ProblemVocabulary.titleOf("REPLACEMENT_UNDERPAID")).isEqualTo("Replacement underpaid");
        assertThat(ProblemVocabulary.titleOf("INTERNAL")).isEqualTo("Internal");
    }

    @Test
    void theDocumentHasTheStandardMembersFirstAndExtrasCannotReplaceThem() {
        Map<String, Object> document = ProblemVocabulary.document(422, "INSUFFICIENT_BALANCE", "too little", "/api/v1/x",
                Map.of("txid", "ab", "rule", "OTHER"));
        assertThat(document.keySet()).containsExactly("type", "title", "status", "detail", "instance", "rule", "txid");
        assertThat(document).containsEntry("rule", "INSUFFICIENT_BALANCE").containsEntry("status", 422)
                .containsEntry("title", "Insufficient balance");
        assertThat(ProblemVocabulary.document(500, "INTERNAL", ProblemVocabulary.INTERNAL_DETAIL, null, Map.of()))
                .doesNotContainKey("instance");
    }

    @Test
    void aProblemReadBackKeepsItsRuleDetailAndExtras() {
        JsonMapper json = JsonMapper.builder().build();
        Map<String, Object> document = ProblemVocabulary.document(422, "NONCE_TOO_LOW", "used", "/a", Map.of("outcome", "INVALID"));
        Problem problem = Problem.read(422, json.readTree(json.writeValueAsString(document)));
        assertThat(problem).isEqualTo(new Problem(422, "NONCE_TOO_LOW", "used", Map.of("outcome", "INVALID")));
        assertThat(problem.document("/b")).containsEntry("instance", "/b").containsEntry("type", document.get("type"));
        assertThat(Problem.read(404, json.readTree("{}")).rule()).isEqualTo("HTTP_404");
    }
}
