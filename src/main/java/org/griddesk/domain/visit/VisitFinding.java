package org.griddesk.domain.visit;

/// What a grid worker found on a visit, from a fixed list (the app shows it as check boxes); free
/// text goes with it in the visit's note.
public enum VisitFinding {
    NORMAL("情况正常", "all well"),
    HEALTH_CHANGE("健康状况变化", "health has changed"),
    LIVING_HARDSHIP("生活困难", "hardship in daily living"),
    SAFETY_HAZARD("安全隐患", "a safety hazard"),
    DISPUTE("矛盾纠纷", "a dispute"),
    SERVICE_NEED("有服务需求", "a need for services"),
    NOBODY_HOME("未见到人", "nobody at home"),
    MOVED_AWAY("已搬离", "moved away");

    private final String zhName;
    private final String enName;

    VisitFinding(String zhName, String enName) {
        this.zhName = zhName;
        this.enName = enName;
    }

    public String zhName() {
        return zhName;
    }

    public String enName() {
        return enName;
    }
}
