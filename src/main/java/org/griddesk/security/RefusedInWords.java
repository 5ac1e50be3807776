package org.griddesk.security;

/// A refusal by a rule, said in words: a message key of the refusing feature's bundle and its
/// arguments (the bundle turns them into Chinese or English). Nothing was done, and the attempt was
/// audited.
public abstract class RefusedInWords extends RuntimeException {
    private final String messageKey;
    private final transient Object[] args;

    protected RefusedInWords(String messageKey, Object... args) {
        super(messageKey);
        this.messageKey = messageKey;
        this.args = args.clone();
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] args() {
        return args.clone();
    }
}
