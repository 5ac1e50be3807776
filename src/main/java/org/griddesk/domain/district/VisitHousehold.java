package org.griddesk.domain.district;

import org.griddesk.domain.Masking;

/// A household a grid worker must visit every month under the "4468" method's eight must-visits
/// (八必访, DOMAIN.md §8). Personal data: sealed in the store (docs/security-keys.md), masked on
/// display. Read on a desk without the data key, name, phone and address are null ([#readable]).
public record VisitHousehold(String id, String gridCode, Category category, String headName, String phone, String address) {

    /// The eight must-visit groups.
    public enum Category {
        HARDSHIP("困难群众"),
        POOR("低保户"),
        ELDER_ALONE("独居老人"),
        LEFT_BEHIND_CHILD("留守儿童"),
        DISABLED("残疾人家庭"),
        VETERAN("退役军人"),
        RELIGIOUS("信教群众"),
        PETITIONER("信访人员");

        private final String zhName;

        Category(String zhName) {
            this.zhName = zhName;
        }

        public String zhName() {
            return zhName;
        }
    }

    /// False when the store holds this household's details sealed with a key this desk does not hold.
    public boolean readable() {
        return headName != null && phone != null;
    }

    /// 张*华, 李*: the surname and, for longer names, the last character ("" when unreadable).
    public String maskedName() {
        return headName == null ? "" : Masking.name(headName);
    }

    /// 138****8000 ("" when unreadable).
    public String maskedPhone() {
        return phone == null ? "" : Masking.phone(phone);
    }

    /// The address without its house number: 咸水沽镇丰泰苑社区 3号楼**.
    public String maskedAddress() {
        int cut = Math.max(0, address.length() - 4);
        return address.substring(0, cut) + "**";
    }
}
