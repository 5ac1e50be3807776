package org.griddesk.domain.ticket;

/// Where a request came from (DOMAIN.md §4).
public enum Channel {
    /// 8890 便民服务热线
    HOTLINE_8890("8890热线"),
    /// 津治通 governance platform push
    GOVERNANCE_PLATFORM("津治通"),
    /// 网格通 grid workers' app
    GRID_APP("网格通"),
    /// 雪亮工程 video alarm
    VIDEO("雪亮工程"),
    /// 智能推送 sensors and video analytics
    SMART_PUSH("智能推送"),
    /// 职能部门推送
    DEPARTMENT_PUSH("部门推送"),
    /// entered at a desk (walk-in, letter)
    DESK("席位录入");

    private final String zhName;

    Channel(String zhName) {
        this.zhName = zhName;
    }

    public String zhName() {
        return zhName;
    }
}
