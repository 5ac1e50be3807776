package org.griddesk.domain.ticket;

/// A deadline class with its number of working days.
public record DeadlinePolicy(DeadlineClass deadlineClass, int workingDays) {
    public static final int MAX_STATUTORY_DAYS = 90;

    public DeadlinePolicy {
        if (deadlineClass == null) {
            throw new IllegalArgumentException("a deadline needs a class");
        }
        if (deadlineClass != DeadlineClass.STATUTORY && workingDays != deadlineClass.defaultDays()) {
            throw new IllegalArgumentException(deadlineClass + " deadlines are " + deadlineClass.defaultDays() + " working days");
        }
        if (workingDays < 1 || workingDays > MAX_STATUTORY_DAYS) {
            throw new IllegalArgumentException("a deadline must be 1 to " + MAX_STATUTORY_DAYS + " working days");
        }
    }

    public static DeadlinePolicy urgent() {
        return new DeadlinePolicy(DeadlineClass.URGENT, 2);
    }

    public static DeadlinePolicy general() {
        return new DeadlinePolicy(DeadlineClass.GENERAL, 7);
    }

    public static DeadlinePolicy statutory(int workingDays) {
        return new DeadlinePolicy(DeadlineClass.STATUTORY, workingDays);
    }
}
