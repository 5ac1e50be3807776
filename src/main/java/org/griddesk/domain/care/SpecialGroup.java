package org.griddesk.domain.care;

/// The special groups a household's people may belong to: the "four losses" (四失) and the "five kinds"
/// (五类) a grid worker keeps in sight. The list follows the usual Tianjin definition; the names shown
/// come from here, in Chinese.
public enum SpecialGroup {
    /// 四失: 投资失败
    INVESTMENT_FAILURE("投资失败", true),
    /// 四失: 生活失意
    LIFE_SETBACK("生活失意", true),
    /// 四失: 心理失衡
    PSYCHOLOGICAL_IMBALANCE("心理失衡", true),
    /// 四失: 关系失和
    BROKEN_RELATIONS("关系失和", true),
    /// 五类: 精神障碍患者
    MENTAL_DISORDER("精神障碍患者", false),
    /// 五类: 吸毒人员
    DRUG_USER("吸毒人员", false),
    /// 五类: 刑满释放人员
    RELEASED_PRISONER("刑满释放人员", false),
    /// 五类: 社区矫正人员
    COMMUNITY_CORRECTION("社区矫正人员", false),
    /// 五类: 重点信访人员
    KEY_PETITIONER("重点信访人员", false);

    private final String zhName;
    private final boolean fourLosses;

    SpecialGroup(String zhName, boolean fourLosses) {
        this.zhName = zhName;
        this.fourLosses = fourLosses;
    }

    public String zhName() {
        return zhName;
    }

    /// One of the four losses (四失), else one of the five kinds (五类).
    public boolean fourLosses() {
        return fourLosses;
    }
}
