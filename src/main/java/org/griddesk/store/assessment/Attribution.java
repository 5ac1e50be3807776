package org.griddesk.store.assessment;

import static org.griddesk.store.jooq.Tables.GRID_WORKER;
import static org.griddesk.store.jooq.Tables.ORG_UNIT;
import static org.griddesk.store.jooq.Tables.REGION;
import static org.griddesk.store.jooq.Tables.TAXONOMY_ITEM;

import java.util.ArrayList;
import java.util.List;
import org.griddesk.domain.assessment.KpiFilter;
import org.griddesk.domain.assessment.UnitDimension;
import org.griddesk.domain.org.UnitKind;
import org.griddesk.domain.org.UnitLevel;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.TableLike;
import org.jooq.impl.DSL;

/// How the rows of [Facts] reach the units of a dimension (docs/assessment.md, "Attribution"): the
/// table of facts joined to their ticket and to what names the unit, the unit's key, and the
/// filter's conditions. Every join is a left join with the unit required in the conditions: the
/// same rows as inner joins, but H2 keeps the written order (the period's rows first, through their
/// time index, then their ticket by its key) where it would otherwise start from a small unit
/// table or the whole ticket table and read every event.
///
/// @param from       the facts' rows ⨝ ticket (⨝ the unit's table)
/// @param key        the unit's id for each row (a constant for the district)
/// @param conditions the rows that belong to some unit of the dimension and pass the filter
/// @param constant   true when the key is the same for every row (no GROUP BY: PostgreSQL refuses a constant there)
record Attribution(TableLike<?> from, Field<String> key, List<Condition> conditions, boolean constant) {
    static final org.griddesk.store.jooq.tables.Ticket T = Facts.TICKET;

    static Attribution of(Facts facts, UnitDimension dimension, String districtId, KpiFilter filter) {
        Table<?> from = facts.from();
        List<Condition> conditions = new ArrayList<>();
        conditions.add(facts.where());
        filter.channel().ifPresent(c -> conditions.add(T.CHANNEL.eq(c.name())));
        filter.categoryCode().ifPresent(c -> conditions.add(T.ITEM_CODE.in(
                DSL.select(TAXONOMY_ITEM.CODE).from(TAXONOMY_ITEM).where(TAXONOMY_ITEM.CATEGORY_CODE.eq(c)))));
        Field<String> team = facts.team();
        return switch (dimension) {
            case DISTRICT -> new Attribution(from, DSL.inline(districtId), conditions, true);
            case CENTRE -> new Attribution(from, T.OWNER_UNIT, conditions, false);
            case DEPARTMENT, TEAM -> {
                var unit = ORG_UNIT.as("ku");
                UnitLevel level = dimension == UnitDimension.DEPARTMENT ? UnitLevel.DISTRICT : UnitLevel.STREET;
                conditions.add(unit.ID.isNotNull());
                yield new Attribution(from.leftJoin(unit).on(unit.ID.eq(team), unit.UNIT_LEVEL.eq(level.name()),
                        unit.UNIT_KIND.eq(UnitKind.TEAM.name())), unit.ID, conditions, false);
            }
            case GRID -> {
                conditions.add(T.GRID_CODE.isNotNull());
                yield new Attribution(from, T.GRID_CODE, conditions, false);
            }
            case COMMUNITY -> {
                var grid = REGION.as("kg");
                conditions.add(grid.PARENT_CODE.isNotNull());
                yield new Attribution(from.leftJoin(grid).on(grid.CODE.eq(T.GRID_CODE)), grid.PARENT_CODE, conditions, false);
            }
            case GRID_WORKER -> {
                var worker = GRID_WORKER.as("kw");
                conditions.add(worker.ID.isNotNull());
                yield new Attribution(from.leftJoin(worker).on(worker.GRID_CODE.eq(T.GRID_CODE), worker.IS_LEADER.isFalse()),
                        worker.ID, conditions, false);
            }
        };
    }

    /// The conditions, narrowed to one unit.
    List<Condition> forUnit(String unitId) {
        List<Condition> all = new ArrayList<>(conditions);
        all.add(constant ? DSL.inline(unitId).eq(key) : key.eq(unitId));
        return all;
    }
}
