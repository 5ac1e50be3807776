package org.griddesk.domain.assessment;

/// The counted figures of a unit over a period. Each is defined in `docs/assessment.md` by the trail
/// events it counts; rates ([Rate]) are made of them. Every measure drills down to the tickets behind it.
public enum Measure {
    RECEIVED("来件量"),
    ACCEPTED("受理量"),
    ACCEPTED_ON_TIME("及时受理"),
    CONTACTED("联系量"),
    CONTACTED_ON_TIME("及时联系"),
    RESOLVED("办结量"),
    /// accepted in the period and resolved before it ended (办结率's numerator: the same tickets as
    /// [#ACCEPTED], so the rate never passes 100 %)
    RESOLVED_OF_ACCEPTED("受理已办结"),
    RESOLVED_ON_TIME("按时办结"),
    /// open at the end of the period and past due
    OVERDUE_OPEN("超期未办结"),
    /// finished in the period after its due time
    FINISHED_LATE("超期办结"),
    EXTENSIONS_ASKED("申请延期"),
    EXTENSIONS_APPROVED("批准延期"),
    RETURNS("退单"),
    REWORKS("返工"),
    URGES("督办"),
    /// teams summoned by a whistle (吹哨)
    WHISTLES("吹哨"),
    CHECK_INS("报到"),
    CHECK_INS_ON_TIME("按时报到"),
    /// teams summoned in the period that checked in on time before it ended (报到及时率's numerator:
    /// the same summonses as [#WHISTLES])
    WHISTLES_ANSWERED_ON_TIME("吹哨按时报到"),
    /// finished tickets that are due a callback (verified or answered)
    CALLBACKS_DUE("应回访"),
    CALLBACKS_DONE("已回访"),
    /// callbacks due in the period that were made (at or after the due moment) before it ended
    /// (回访率's numerator: the same tickets as [#CALLBACKS_DUE])
    CALLBACKS_DUE_DONE("应回访已回访"),
    /// callbacks answered 满意 or 基本满意
    SATISFIED("满意"),
    DISSATISFIED("不满意"),
    REOPENED("重新办理"),
    /// duplicates folded into a ticket already open (重复来件)
    REPEAT_REQUESTS("重复来件"),
    /// tickets whose handling time is counted in [#HANDLING_WORK_MINUTES]
    HANDLED_TIMED("计时办结"),
    /// working minutes from acceptance to handled (or answered), summed
    HANDLING_WORK_MINUTES("办理工作分钟");

    private final String zhName;

    Measure(String zhName) {
        this.zhName = zhName;
    }

    public String zhName() {
        return zhName;
    }
}
