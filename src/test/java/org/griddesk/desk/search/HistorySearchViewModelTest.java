package org.griddesk.desk.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import org.griddesk.desk.detail.TicketDetail;
import org.griddesk.desk.detail.TicketDetailLoader;
import org.griddesk.desk.queue.QueueItem;
import org.griddesk.desk.queue.QueueLoader;
import org.griddesk.dispatch.Action;
import org.griddesk.dispatch.DeskCommand;
import org.griddesk.dispatch.DeskCore;
import org.griddesk.dispatch.TicketActions;
import org.griddesk.domain.calendar.WorkCalendar;
import org.griddesk.domain.org.Actor;
import org.griddesk.domain.org.Role;
import org.griddesk.domain.org.Unit;
import org.griddesk.domain.ticket.CallbackResult;
import org.griddesk.domain.ticket.Caller;
import org.griddesk.domain.ticket.Channel;
import org.griddesk.domain.ticket.DeadlinePolicy;
import org.griddesk.domain.ticket.Intake;
import org.griddesk.domain.ticket.LifecycleRules;
import org.griddesk.domain.ticket.Place;
import org.griddesk.domain.ticket.Ticket;
import org.griddesk.domain.ticket.TicketCommand;
import org.griddesk.domain.ticket.TicketLifecycle;
import org.griddesk.domain.ticket.TicketState;
import org.griddesk.desk.district.MapModelLoader;
import org.griddesk.search.HistoryIndex;
import org.griddesk.search.HistorySearch;
import org.griddesk.search.SearchScope;
import org.griddesk.store.DatabaseSettings;
import org.griddesk.store.calendar.CalendarRepository;
import org.griddesk.store.district.DistrictRepository;
import org.griddesk.store.search.HistoryRows;
import org.griddesk.store.ticket.IntakeRepository;
import org.griddesk.store.ticket.QueueRepository;
import org.griddesk.store.ticket.TicketRepository;
import org.griddesk.store.ticket.TicketService;
import org.griddesk.testsupport.CommandCentre;
import org.griddesk.ui.CurrentThreadTaskExecutor;
import org.griddesk.ui.Language;
import org.griddesk.ui.Messages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// The history screen's state: a search lists the queue's rows of what it finds; a picked closed
/// ticket shows its detail, and the reopen button only to a supervisor of its centre (the rules
/// decide: a dispatcher's reopen is refused by the service too); a reopen needs a reason.
class HistorySearchViewModelTest {
    @TempDir
    Path temp;

    @Test
    void aSupervisorFindsAClosedTicketByPhoneAndReopensItADispatcherCannot() {
        try (CommandCentre centre = CommandCentre.on(DatabaseSettings.embeddedH2(temp.resolve("store")));
             CommandCentre.Desk desk = centre.desk("vm")) {
            var db = centre.admin();
            DistrictRepository district = new DistrictRepository(db.dsl());
            var organisation = district.organisation();
            Unit town = organisation.units().stream().filter(u -> u.isCentre() && u.name().startsWith("咸水沽")).findFirst().orElseThrow();
            Actor dispatcher = new Actor("u-vm-d", "王调度", Role.DISPATCHER, town);
            Actor supervisor = new Actor("u-vm-s", "李值班长", Role.SUPERVISOR, town);
            TicketService service = new TicketService(db.dsl(), new TicketLifecycle(WorkCalendar.builtIn(), organisation,
                    LifecycleRules.DEFAULT), Clock.systemUTC());
            Ticket t = service.report(new Intake(Channel.HOTLINE_8890, "VM-1", "下水道堵塞污水漫溢", null,
                    Instant.now().minus(Duration.ofDays(20)), new Caller("赵文静", "13911112222"), new Place("幸福里3号", null, null)),
                    town.id(), new Actor("CH", "8890热线", Role.CHANNEL, town)).after();
            t = service.execute(t, new TicketCommand.Accept(district.taxonomy().items().getFirst().code(), DeadlinePolicy.general(),
                    true), dispatcher).after();
            t = service.execute(t, new TicketCommand.Answer("已疏通"), dispatcher).after();
            t = service.execute(t, new TicketCommand.CallBack(CallbackResult.SATISFIED, null), dispatcher).after();
            Ticket closed = service.execute(t, new TicketCommand.Close(null), dispatcher).after();

            HistoryIndex index = new HistoryIndex(null, new HistoryRows(db.dsl()), Clock.systemUTC());
            index.start();
            index.awaitIdle();
            Access asDispatcher = new Access(db, new HistorySearch(index), desk.core(), dispatcher);
            Access asSupervisor = new Access(db, new HistorySearch(index), desk.core(), supervisor);
            Messages words = Messages.of(Language.ZH_CN, "i18n/search");

            HistorySearchViewModel dispatcherView = new HistorySearchViewModel(asDispatcher, new CurrentThreadTaskExecutor(),
                    Clock.systemUTC(), words);
            dispatcherView.phoneProperty().set("139-1111-2222");
            dispatcherView.search();
            assertThat(dispatcherView.rows()).extracting(QueueItem::code).containsExactly(closed.code());
            assertThat(dispatcherView.summaryProperty().get()).isEqualTo("找到 1 张工单");
            dispatcherView.pick(closed.id());
            assertThat(dispatcherView.detailProperty().get().ticket().state()).isEqualTo(TicketState.CLOSED);
            assertThat(dispatcherView.mayReopenProperty().get()).as("a dispatcher sees no reopen button").isFalse();
            TicketActions.Outcome[] refused = new TicketActions.Outcome[1];
            asDispatcher.reopen(closed, "想重办", o -> refused[0] = o);
            assertThat(refused[0].ok()).as("and the service refuses it anyway").isFalse();

            HistorySearchViewModel supervisorView = new HistorySearchViewModel(asSupervisor, new CurrentThreadTaskExecutor(),
                    Clock.systemUTC(), words);
            supervisorView.textProperty().set("下水道");
            supervisorView.stateProperty().set(TicketState.CLOSED);
            supervisorView.search();
            assertThat(supervisorView.rows()).extracting(QueueItem::id).containsExactly(closed.id());
            supervisorView.pick(closed.id());
            assertThat(supervisorView.mayReopenProperty().get()).isTrue();
            supervisorView.reopen("  ");
            assertThat(supervisorView.messageProperty().get()).isEqualTo("请填写重新办理的原因。");
            assertThat(new TicketRepository(db.dsl()).get(closed.id()).state()).isEqualTo(TicketState.CLOSED);
            supervisorView.reopen("群众反映问题复发");
            Ticket reopened = new TicketRepository(db.dsl()).get(closed.id());
            assertThat(reopened.state()).isNotEqualTo(TicketState.CLOSED);
            assertThat(reopened.round()).isEqualTo(2);
            assertThat(supervisorView.messageProperty().get()).contains(closed.code()).contains("已重新办理");
            assertThat(supervisorView.detailProperty().get().ticket().round()).as("the detail read anew").isEqualTo(2);
            assertThat(supervisorView.mayReopenProperty().get()).as("an open ticket is not reopened").isFalse();
            // another search whose results do not hold the ticket shown: its detail goes with it
            supervisorView.textProperty().set("没有这样的内容");
            supervisorView.stateProperty().set(null);
            supervisorView.search();
            assertThat(supervisorView.rows()).isEmpty();
            assertThat(supervisorView.detailProperty().get()).isNull();
            assertThat(supervisorView.messageProperty().get()).isEmpty();

            HistorySearchViewModel empty = new HistorySearchViewModel(asSupervisor, new CurrentThreadTaskExecutor(), Clock.systemUTC(),
                    words);
            empty.search();
            assertThat(empty.statusProperty().get()).isEqualTo(HistorySearchViewModel.Status.IDLE);
            index.close();
        }
    }

    /// The desk's wiring in small: the store's readers, the core's actions, one person.
    private record Access(org.griddesk.store.Database db, HistorySearch search, DeskCore core, Actor actor) implements HistoryAccess {
        @Override
        public HistorySearch search() {
            return search;
        }

        @Override
        public SearchScope scope() {
            return SearchScope.ALL;
        }

        @Override
        public List<HistoryRows.Category> categories() {
            return new HistoryRows(db.dsl()).categories();
        }

        @Override
        public List<Unit> units() {
            return List.copyOf(new DistrictRepository(db.dsl()).organisation().units());
        }

        @Override
        public boolean mayReopen(Ticket ticket) {
            return core.actions().check(new DeskCommand.Worded(ticket, Action.REOPEN, "-"), actor).verdict()
                    != TicketActions.Check.Verdict.REFUSED;
        }

        @Override
        public void reopen(Ticket ticket, String reason, Consumer<TicketActions.Outcome> done) {
            done.accept(core.run(new DeskCommand.Worded(ticket, Action.REOPEN, reason), actor));
        }

        @Override
        public HistorySearch.CallerHistory callerHistory(long ticketId, Instant now) {
            return search.callerHistory(ticketId, scope(), now);
        }

        private QueueLoader rowsLoader() {
            DistrictRepository district = new DistrictRepository(db.dsl());
            var map = MapModelLoader.load(district, new TicketRepository(db.dsl()), Instant.now()).orElseThrow();
            return new QueueLoader(new QueueRepository(db.dsl()), district.taxonomy(), map);
        }

        @Override
        public List<QueueItem> rows(List<Long> ids, Instant now) {
            return rowsLoader().loadAny(ids, now);
        }

        @Override
        public TicketDetail detail(long ticketId, Instant now) {
            DistrictRepository district = new DistrictRepository(db.dsl());
            TicketRepository tickets = new TicketRepository(db.dsl());
            var map = MapModelLoader.load(district, tickets, Instant.now()).orElseThrow();
            return new TicketDetailLoader(tickets, new IntakeRepository(db.dsl()), district.taxonomy(), district.organisation(),
                    new CalendarRepository(db.dsl(), Clock.systemUTC()).workCalendar(), map).load(ticketId, now);
        }
    }
}
