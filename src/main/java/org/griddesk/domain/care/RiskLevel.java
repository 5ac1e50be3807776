package org.griddesk.domain.care;

/// How much a household needs watching, as its last care record judged it: high-risk households are
/// visited first and followed by the town centre.
public enum RiskLevel {
    LOW("低"),
    MEDIUM("中"),
    HIGH("高");

    private final String zhName;

    RiskLevel(String zhName) {
        this.zhName = zhName;
    }

    public String zhName() {
        return zhName;
    }
}
