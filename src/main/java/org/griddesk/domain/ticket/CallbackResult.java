package org.griddesk.domain.ticket;

/// What the citizen said when called back (回访).
public enum CallbackResult {
    SATISFIED("满意"),
    BASICALLY_SATISFIED("基本满意"),
    DISSATISFIED("不满意");

    private final String zhName;

    CallbackResult(String zhName) {
        this.zhName = zhName;
    }

    public String zhName() {
        return zhName;
    }
}
