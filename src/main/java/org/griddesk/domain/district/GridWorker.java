package org.griddesk.domain.district;

import org.griddesk.domain.Masking;

/// The full-time grid worker (专职网格员) of one grid, or a community's grid leader (网格长).
/// Personal data: masked on display ([#maskedPhone]); the demo's people are made up.
public record GridWorker(String id, String name, String phone, String communityCode, String gridCode, boolean leader) {

    /// 138****8000: how a phone number is shown unless the viewer may see it whole.
    public String maskedPhone() {
        return Masking.phone(phone);
    }

    /// The code of the post held: the community's for a leader, the grid's for a worker.
    public String post() {
        return leader ? communityCode : gridCode;
    }
}
