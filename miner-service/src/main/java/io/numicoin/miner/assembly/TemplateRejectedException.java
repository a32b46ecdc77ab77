package io.numicoin.miner.assembly;


/** The node refused a template's block before mining (POST /api/v1/blocks/proposal): a stale or wrong template. */
public final class TemplateRejectedException extends RuntimeException {

    private final String rule;

    /** @param rule the broken rule's name (a {@code BlockRejectReason}) */
    public TemplateRejectedException(String rule, String message) {
        super("template rejected against the parent state: " + rule + ": " + message);
        this.rule = rule;
    }

    public String rule() {
        return rule;
    }
}
