package org.griddesk.security;

import java.util.List;
import org.griddesk.domain.district.VisitHousehold.Category;
import org.griddesk.domain.visit.VisitFrequency;

/// What the system administrator does to the duty visits' frequencies: how often each of the eight
/// must-visit groups is visited (the store's `visits.frequency.*`, which the visit plans read on
/// each call). Each call needs [org.griddesk.domain.org.Permission#CONFIGURATION_MANAGE], checked
/// here, below any screen or command; every change is audited, and a refusal throws
/// [AccountRefused], audited, changing nothing.
public interface VisitFrequencyAdministration {
    /// Each group's frequency in force, in the groups' order.
    List<GroupFrequency> visitFrequencies(Session by);

    /// Sets `group`'s frequency (the same as its default's is stored too: the choice is recorded).
    void setVisitFrequency(Session by, Category group, VisitFrequency frequency);

    /// @param frequency the frequency in force; the default when the stored value is wrong
    /// @param standard  the frequency the group has when nobody set one (docs/visits.md)
    /// @param wrong     a stored value that is no frequency (written by hand), which makes the visit
    ///                  lists refuse until the group is set again; null when there is none
    record GroupFrequency(Category group, VisitFrequency frequency, VisitFrequency standard, String wrong) {
        public GroupFrequency(Category group, VisitFrequency frequency, VisitFrequency standard) {
            this(group, frequency, standard, null);
        }

        public boolean changed() {
            return frequency != standard;
        }
    }
}
