package org.griddesk.supervise.ranking;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.griddesk.domain.assessment.Period;
import org.griddesk.domain.assessment.RankingRow;
import org.griddesk.domain.assessment.UnitDimension;
import org.griddesk.domain.calendar.WorkCalendar;
import org.griddesk.security.AuditSink;
import org.griddesk.security.Session;
import org.griddesk.supervise.bulletin.BulletinMaker;
import org.griddesk.supervise.bulletin.BulletinSources;
import org.griddesk.supervise.bulletin.DeskBulletin;
import org.griddesk.ui.Messages;
import org.griddesk.ui.TaskExecutor;

/// The ranking screen's state: the month and the kind of unit chosen, the ranking read for them (off
/// the FX thread), the picked row's explanation, and the bulletin being made.
public final class RankingViewModel {
    /// months offered, newest first
    static final int MONTHS = 24;

    private final Supplier<BulletinSources> sources;
    private final Supplier<AuditSink> audit;
    private final TaskExecutor executor;
    private final Clock clock;
    private final Session session;
    private final Messages words;

    // Properties
    private final ObjectProperty<YearMonth> month = new SimpleObjectProperty<>();
    private final ObjectProperty<UnitDimension> dimension = new SimpleObjectProperty<>(UnitDimension.CENTRE);
    private final ObservableList<RankingRow> rows = FXCollections.observableArrayList();
    private final ObservableList<ScoreLine> explanation = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ObjectProperty<RankingRow> picked = new SimpleObjectProperty<>();
    /// the period of the rows shown (the month may have changed since they were asked for)
    private Period shown;
    private long asked;

    public RankingViewModel(Supplier<BulletinSources> sources, Supplier<AuditSink> audit, TaskExecutor executor, Clock clock,
                            Session session, Messages words) {
        this.sources = sources;
        this.audit = audit;
        this.executor = executor;
        this.clock = clock;
        this.session = session;
        this.words = words;
        month.set(months().get(1));
        month.addListener((obs, old, now) -> load());
        dimension.addListener((obs, old, now) -> load());
        picked.addListener((obs, old, row) -> explain(row));
    }

    /// the months offered: this month and the 23 before, newest first
    public List<YearMonth> months() {
        YearMonth now = YearMonth.from(LocalDate.ofInstant(clock.instant(), WorkCalendar.ZONE));
        return java.util.stream.IntStream.range(0, MONTHS).mapToObj(now::minusMonths).toList();
    }

    // Commands

    /// Reads the ranking of the chosen month and kind of unit (a later ask wins over an earlier one).
    public void load() {
        Period period = Period.month(month.get());
        UnitDimension dim = dimension.get();
        long mine = ++asked;
        busy.set(true);
        status.set(words.get("ranking.loading", period.label()));
        executor.submit(() -> new BulletinMaker(sources.get()).ranking(period, dim), ranking -> {
            if (mine != asked) {
                return;
            }
            shown = period;
            rows.setAll(ranking.rows());
            picked.set(null);
            busy.set(false);
            boolean empty = ranking.rows().stream().allMatch(r -> r.sheet().isEmpty());
            status.set(words.get(empty ? "ranking.empty" : "ranking.loaded", period.label(), ranking.rows().size()));
        }, failure -> {
            if (mine == asked) {
                busy.set(false);
                status.set(words.get("ranking.failed", message(failure)));
            }
        });
    }

    /// Makes the bulletin of the chosen month into `file` (.pdf or .xlsx), off the FX thread.
    public void makeBulletin(Path file) {
        Period period = Period.month(month.get());
        busy.set(true);
        status.set(words.get("ranking.making", period.label()));
        executor.submit(() -> new DeskBulletin(new BulletinMaker(sources.get()), audit.get(), clock).make(session, period, file),
                b -> {
                    busy.set(false);
                    status.set(words.get(b.empty() ? "ranking.madeEmpty" : "ranking.made", period.label(), file.toAbsolutePath()));
                }, failure -> {
                    busy.set(false);
                    status.set(words.get("ranking.makeFailed", message(failure)));
                });
    }

    private void explain(RankingRow row) {
        explanation.clear();
        if (row != null && shown != null) {
            explanation.setAll(ScoreLine.of(row, shown, sources.get().engine()));
        }
    }

    /// the drill-down list's title for a line of the picked row: "咸水沽镇网格化管理中心 · 2026-11 · 按时办结率 未达"
    public String drillTitle(ScoreLine line) {
        RankingRow row = picked.get();
        return (row == null ? "" : row.unitName() + " · ") + (shown == null ? "" : shown.label() + " · ") + line.drill();
    }

    private static String message(Throwable failure) {
        Throwable t = failure;
        while (t.getCause() != null && t.getCause() != t && !(t instanceof IllegalArgumentException)) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    public ObjectProperty<YearMonth> monthProperty() {
        return month;
    }

    public ObjectProperty<UnitDimension> dimensionProperty() {
        return dimension;
    }

    public ObservableList<RankingRow> rows() {
        return rows;
    }

    public ObservableList<ScoreLine> explanation() {
        return explanation;
    }

    public ObjectProperty<RankingRow> pickedProperty() {
        return picked;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }
}
