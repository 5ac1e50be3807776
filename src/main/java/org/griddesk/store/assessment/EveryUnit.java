package org.griddesk.store.assessment;

import static org.griddesk.store.jooq.Tables.GRID_WORKER;
import static org.griddesk.store.jooq.Tables.ORG_UNIT;
import static org.griddesk.store.jooq.Tables.REGION;
import static org.griddesk.store.jooq.Tables.TAXONOMY_ITEM;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.griddesk.domain.assessment.KpiFilter;
import org.griddesk.domain.assessment.Measure;
import org.griddesk.domain.assessment.UnitDimension;
import org.griddesk.domain.org.UnitKind;
import org.griddesk.domain.org.UnitLevel;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.ResultQuery;
import org.jooq.Row1;
import org.jooq.SelectField;
import org.jooq.conf.SettingsTools;
import org.jooq.conf.StatementType;
import org.jooq.impl.DSL;

/// The measures of every unit of several dimensions in one pass over the period's rows of each
/// kind of [Facts] (H2 has no GROUPING SETS): each row is joined to its ticket, its team, its grid
/// and a list of the dimensions asked for, and grouped by (dimension, unit). The unit of a row for
/// each dimension is as [Attribution] says; the grid worker is joined on the grid worker's row
/// only, so that a grid with two workers counts twice there and once everywhere else.
final class EveryUnit {
    private final DSLContext dsl;

    /// Its queries are sent with their values written in (no bind values): a grouped expression is
    /// then the same text in the select list and in GROUP BY, which both stores require.
    EveryUnit(DSLContext dsl) {
        this.dsl = DSL.using(dsl.configuration().derive(
                SettingsTools.clone(dsl.settings()).withStatementType(StatementType.STATIC_STATEMENT)));
    }

    /// dimension → unit → measure → sum, for the dimensions asked for
    Map<UnitDimension, Map<String, EnumMap<Measure, Long>>> sum(Collection<Facts> all, Collection<UnitDimension> dimensions,
                                                                String districtId, KpiFilter filter) {
        Map<UnitDimension, Map<String, EnumMap<Measure, Long>>> out = new EnumMap<>(UnitDimension.class);
        dimensions.forEach(d -> out.put(d, new TreeMap<>()));
        for (Facts f : all) {
            for (Record r : query(f, dimensions, districtId, filter).fetch()) {
                EnumMap<Measure, Long> counts = out.get(UnitDimension.valueOf(r.get(0, String.class)))
                        .computeIfAbsent(r.get(1, String.class), k -> new EnumMap<>(Measure.class));
                for (int i = 0; i < f.measures().size(); i++) {
                    counts.merge(f.measures().get(i), SqlKpiEngine.number(r.get(i + 2)), Long::sum);
                }
            }
        }
        return out;
    }

    /// The one query of a kind of facts: dimension, unit, then the sum of each of its measures. The
    /// period's rows are first summed per (team, centre, grid) — each measure's expression reckoned
    /// once per row — and those subtotals are then spread over the dimensions asked for and summed
    /// per unit.
    ResultQuery<Record> query(Facts f, Collection<UnitDimension> dimensions, String districtId, KpiFilter filter) {
        var t = Facts.TICKET;
        List<Condition> conditions = new ArrayList<>(List.of(f.where()));
        filter.channel().ifPresent(c -> conditions.add(t.CHANNEL.eq(c.name())));
        filter.categoryCode().ifPresent(c -> conditions.add(t.ITEM_CODE.in(
                DSL.select(TAXONOMY_ITEM.CODE).from(TAXONOMY_ITEM).where(TAXONOMY_ITEM.CATEGORY_CODE.eq(c)))));
        List<SelectField<?>> perPlace = new ArrayList<>(List.of(f.team().as("team"), t.OWNER_UNIT.as("owner"),
                t.GRID_CODE.as("grid")));
        for (int i = 0; i < f.measures().size(); i++) {
            perPlace.add(DSL.sum(f.value(f.measures().get(i))).as("m" + i));
        }
        var places = dsl.select(perPlace).from(f.from()).where(conditions).groupBy(f.team(), t.OWNER_UNIT, t.GRID_CODE)
                .asTable("kf");
        Field<String> placeTeam = places.field("team", String.class);
        Field<String> placeGrid = places.field("grid", String.class);

        var team = ORG_UNIT.as("ku");
        var grid = REGION.as("kg");
        var worker = GRID_WORKER.as("kw");
        List<Row1<String>> rows = dimensions.stream().map(d -> DSL.row(DSL.inline(d.name()))).toList();
        @SuppressWarnings("unchecked")
        var asked = DSL.values(rows.toArray(Row1[]::new)).as("kd", "dim");
        Field<String> dim = asked.field("dim", String.class);
        Field<String> unit = DSL.choose(dim)
                .when(DSL.inline(UnitDimension.DISTRICT.name()), DSL.inline(districtId))
                .when(DSL.inline(UnitDimension.CENTRE.name()), places.field("owner", String.class))
                .when(DSL.inline(UnitDimension.DEPARTMENT.name()), DSL.when(team.UNIT_LEVEL.eq(UnitLevel.DISTRICT.name()), team.ID))
                .when(DSL.inline(UnitDimension.TEAM.name()), DSL.when(team.UNIT_LEVEL.eq(UnitLevel.STREET.name()), team.ID))
                .when(DSL.inline(UnitDimension.GRID.name()), placeGrid)
                .when(DSL.inline(UnitDimension.COMMUNITY.name()), grid.PARENT_CODE)
                .when(DSL.inline(UnitDimension.GRID_WORKER.name()), worker.ID)
                .otherwise(DSL.inline((String) null));
        List<SelectField<?>> select = new ArrayList<>(List.of(dim, unit));
        for (int i = 0; i < f.measures().size(); i++) {
            select.add(DSL.sum(places.field("m" + i, Long.class)));
        }
        var from = places
                .leftJoin(team).on(team.ID.eq(placeTeam), team.UNIT_KIND.eq(UnitKind.TEAM.name()))
                .leftJoin(grid).on(grid.CODE.eq(placeGrid))
                .leftJoin(asked).on(DSL.trueCondition())
                .leftJoin(worker).on(worker.GRID_CODE.eq(placeGrid), worker.IS_LEADER.isFalse(),
                        dim.eq(DSL.inline(UnitDimension.GRID_WORKER.name())));
        return dsl.select(select).from(from).where(unit.isNotNull()).groupBy(dim, unit);
    }

    static List<UnitDimension> every() {
        return Arrays.asList(UnitDimension.values());
    }
}
