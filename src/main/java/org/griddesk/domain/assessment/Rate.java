package org.griddesk.domain.assessment;

/// A share of one measure over another, both counting the same tickets (the numerator's are some of
/// the denominator's), so that a rate stays between 0 and 100 %. [#missed()] drills to the tickets of the denominator that are
/// not in the numerator (the late acceptances, the late finishes, the callbacks not made…).
public enum Rate {
    ACCEPTED_ON_TIME("受理及时率", Measure.ACCEPTED_ON_TIME, Measure.ACCEPTED),
    CONTACTED_ON_TIME("联系及时率", Measure.CONTACTED_ON_TIME, Measure.CONTACTED),
    RESOLVED("办结率", Measure.RESOLVED_OF_ACCEPTED, Measure.ACCEPTED),
    RESOLVED_ON_TIME("按时办结率", Measure.RESOLVED_ON_TIME, Measure.RESOLVED),
    CHECK_IN_ON_TIME("报到及时率", Measure.WHISTLES_ANSWERED_ON_TIME, Measure.WHISTLES),
    CALLBACK("回访率", Measure.CALLBACKS_DUE_DONE, Measure.CALLBACKS_DUE),
    SATISFACTION("满意率", Measure.SATISFIED, Measure.CALLBACKS_DONE);

    private final String zhName;
    private final Measure numerator;
    private final Measure denominator;

    Rate(String zhName, Measure numerator, Measure denominator) {
        this.zhName = zhName;
        this.numerator = numerator;
        this.denominator = denominator;
    }

    public String zhName() {
        return zhName;
    }

    public Measure numerator() {
        return numerator;
    }

    public Measure denominator() {
        return denominator;
    }
}
