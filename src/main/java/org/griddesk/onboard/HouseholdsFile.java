package org.griddesk.onboard;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.griddesk.domain.district.VisitHousehold;
import org.griddesk.domain.district.VisitHousehold.Category;
import org.griddesk.geo.RegionLevel;

/// The must-visit households file (八必访): id, grid, which of the eight groups, the head of the
/// household, phone and address. Personal data: sealed in the store with its data key.
final class HouseholdsFile {
    static final Column ID = Column.required("id", "编号");
    static final Column GRID = Column.required("grid", "网格");
    static final Column CATEGORY = Column.required("category", "类别");
    static final Column NAME = Column.required("head_name", "户主姓名");
    static final Column PHONE = Column.required("phone", "电话");
    static final Column ADDRESS = Column.required("address", "地址");
    static final List<Column> COLUMNS = List.of(ID, GRID, CATEGORY, NAME, PHONE, ADDRESS);

    static final Choice<Category> CATEGORIES = categories();

    private HouseholdsFile() {
    }

    private static Choice<Category> categories() {
        Choice<Category> choice = new Choice<>();
        for (Category c : Category.values()) {
            choice.with(c, c.zhName(), c.name().toLowerCase(Locale.ROOT), c.name().toLowerCase(Locale.ROOT).replace('_', ' '));
        }
        return choice;
    }

    static List<VisitHousehold> read(Sheet sheet, StoredDistrict stored) {
        ById<VisitHousehold> byId = new ById<>(ID, VisitHousehold::id);
        for (Sheet.Row row : sheet.rows()) {
            household(row, stored).ifPresent(h -> byId.add(row, h));
        }
        return byId.values();
    }

    private static Optional<VisitHousehold> household(Sheet.Row row, StoredDistrict stored) {
        String id = Cells.code(row, ID);
        String grid = Cells.code(row, GRID);
        if (grid != null && stored.region(grid, RegionLevel.GRID).isEmpty()) {
            row.problem(GRID, "库中没有网格 " + grid, "the store has no grid " + grid);
            grid = null;
        }
        Category category = Cells.choice(row, CATEGORY, CATEGORIES);
        String name = Cells.text(row, NAME, 50);
        String phone = Cells.phone(row, PHONE);
        String address = Cells.text(row, ADDRESS, 200);
        if (id == null || grid == null || category == null || name == null || phone == null || address == null) {
            return Optional.empty();
        }
        return Optional.of(new VisitHousehold(id, grid, category, name, phone, address));
    }
}
