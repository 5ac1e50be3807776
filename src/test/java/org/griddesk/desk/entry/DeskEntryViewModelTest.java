package org.griddesk.desk.entry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.griddesk.desk.place.PlaceSearch;
import org.griddesk.domain.org.Actor;
import org.griddesk.domain.org.Role;
import org.griddesk.domain.org.Unit;
import org.griddesk.domain.org.UnitKind;
import org.griddesk.domain.org.UnitLevel;
import org.griddesk.domain.taxonomy.Item;
import org.griddesk.domain.ticket.Channel;
import org.griddesk.domain.ticket.DeadlinePolicy;
import org.griddesk.domain.ticket.DuplicateSuggestion;
import org.griddesk.domain.ticket.Intake;
import org.griddesk.domain.ticket.TicketEvent;
import org.griddesk.domain.ticket.TicketEvolution;
import org.griddesk.geo.Region;
import org.griddesk.geo.RegionLevel;
import org.griddesk.intake.DeskEntry;
import org.griddesk.intake.DeskEntryRefused;
import org.griddesk.intake.DeskIntake;
import org.griddesk.intake.FieldError;
import org.griddesk.intake.IntakeService;
import org.griddesk.ui.Language;
import org.griddesk.testsupport.QueuedExecutor;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;

/// The 席位录入 form's view model without a UI or a store: the item suggested from the text until
/// the person chooses another; duplicate checks only once typing pauses, off the FX thread (a queued
/// executor stands for the background), the newest answer shown and older ones dropped; a refused
/// save's errors by field (each cleared when its field is edited); a save that went through.
class DeskEntryViewModelTest {
    private static final Item MANHOLE = item("06-03-002", "井盖缺失");
    private static final Item LAMP = item("07-01-001", "路灯不亮");
    private static final Item NOISE = item("02-01-001", "噪音扰民");
    private static final Actor TAKER = new Actor("u-xsg-07", "王调度", Role.DISPATCHER,
            new Unit("XSG", "咸水沽镇网格化管理中心", UnitLevel.STREET, UnitKind.CENTRE, "JN"));

    private final QueuedExecutor executor = new QueuedExecutor();
    private final ManualDebounce debounce = new ManualDebounce();
    private final FakeService service = new FakeService();

    private static Item item(String code, String name) {
        return new Item(code, name, code.substring(0, 2), code.substring(0, 5), DeadlinePolicy.general(), false, null, null);
    }

    private DeskEntryViewModel model(Language language) {
        return new DeskEntryViewModel(service, TAKER, List.of(MANHOLE, LAMP, NOISE), executor, debounce, language, "F0rm1234");
    }

    @Test
    void theItemFollowsTheTextsSuggestionUntilThePersonChoosesAnother() {
        DeskEntryViewModel model = model(Language.ZH_CN);
        model.contentProperty().set("丰泽道井盖缺失，夜间有人跌倒");
        assertThat(model.suggestedItemProperty().get()).isEqualTo(MANHOLE);
        assertThat(model.itemProperty().get()).isEqualTo(MANHOLE);
        assertThat(model.suggestionText()).isEqualTo("按内容建议：井盖缺失");

        model.contentProperty().set("小区门口路灯不亮好几天了");
        assertThat(model.itemProperty().get()).as("still following").isEqualTo(LAMP);

        model.itemProperty().set(NOISE); // the person knows better
        model.contentProperty().set("丰泽道井盖缺失");
        assertThat(model.suggestedItemProperty().get()).isEqualTo(MANHOLE);
        assertThat(model.itemProperty().get()).as("the person's choice stays").isEqualTo(NOISE);
        assertThat(model.entry().itemCode()).isEqualTo("02-01-001");

        model.itemProperty().set(MANHOLE); // back to the suggestion: follows again
        model.contentProperty().set("路灯不亮");
        assertThat(model.itemProperty().get()).isEqualTo(LAMP);

        model.contentProperty().set("今天天气怎么样");
        assertThat(model.suggestedItemProperty().get()).isNull();
        assertThat(model.itemProperty().get()).isNull();
        assertThat(model.suggestionText()).isEmpty();
    }

    @Test
    void duplicatesAreCheckedOffTheFxThreadOnceTypingPausesAndOnlyTheNewestAnswerIsShown() {
        DeskEntryViewModel model = model(Language.ZH_CN);
        service.answer = draft -> List.of(candidate(draft.content().length(), "2612-00" + draft.content().length()));
        for (String typed : List.of("下", "下水", "下水道", "下水道堵")) {
            model.contentProperty().set(typed);
        }
        model.callerPhoneProperty().set("13911112222");
        assertThat(debounce.waiting).as("one check waits for the pause, not one per key").isNotNull();
        assertThat(executor.queued()).as("nothing checked while typing").isZero();

        debounce.pause();
        assertThat(executor.queued()).isEqualTo(1);
        assertThat(model.checkingProperty().get()).isTrue();
        model.contentProperty().set("下水道堵塞污水外溢");
        debounce.pause();
        assertThat(executor.queued()).isEqualTo(2);

        executor.runNext(); // the older check answers last-but-one: dropped when the newer one answers
        executor.runNext();
        assertThat(service.drafts).extracting(DeskEntry::content).containsExactly("下水道堵", "下水道堵塞污水外溢");
        assertThat(service.drafts.getFirst().callerPhone()).isEqualTo("13911112222");
        assertThat(model.candidates()).extracting(Candidate::code).containsExactly("2612-009");
        assertThat(model.checkingProperty().get()).isFalse();

        // an older answer arriving after a newer one changes nothing
        model.contentProperty().set("下水道堵塞污水外溢到路面");
        debounce.pause();
        model.contentProperty().set("下水道");
        debounce.pause();
        executor.runLast();
        executor.runNext();
        assertThat(model.candidates()).extracting(Candidate::code).containsExactly("2612-003");
    }

    @Test
    void theChosenPlaceGoesIntoTheEntryAsItsGridOrItsPoint() {
        DeskEntryViewModel model = model(Language.ZH_CN);
        GeometryFactory g = new GeometryFactory();
        var box = g.createPolygon(new Coordinate[] {new Coordinate(117.30, 38.90), new Coordinate(117.31, 38.90),
            new Coordinate(117.31, 38.91), new Coordinate(117.30, 38.91), new Coordinate(117.30, 38.90)});
        model.place().searchProperty().set(new PlaceSearch(List.of(new Region("XSG-001", "金桥社区", RegionLevel.COMMUNITY, "XSG", box, 1),
                new Region("XSG-001-01", "金桥社区第1网格", RegionLevel.GRID, "XSG-001", box, 1))));
        model.place().queryProperty().set("jq");
        assertThat(model.place().hits()).hasSize(2);
        model.place().choose(model.place().hits().getFirst());
        assertThat(model.entry().gridCode()).isEqualTo("XSG-001-01");
        assertThat(model.entry().lon()).isNull();
        assertThat(debounce.waiting).as("a place chosen asks for a duplicate check").isNotNull();

        model.place().pointPicked(117.305, 38.905);
        assertThat(model.entry().gridCode()).as("a point is placed by the intake").isNull();
        assertThat(model.entry().lon()).isEqualTo(117.305);
        assertThat(model.entry().lat()).isEqualTo(38.905);
        assertThat(model.place().chosenProperty().get().gridCode()).isEqualTo("XSG-001-01");

        model.place().queryProperty().set("别处");
        assertThat(model.place().chosenProperty().get()).as("typing something else forgets the choice").isNull();
        assertThat(model.entry().lon()).isNull();
    }

    @Test
    void aRefusedSaveNamesEachFieldInTheFormsLanguageAndEditingAFieldClearsItsError() {
        DeskEntryViewModel model = model(Language.ZH_CN);
        service.refusal = new DeskEntryRefused(List.of(new FieldError("callerPhone", "请填写来电号码", "enter the number"),
                new FieldError("content", "请写清诉求内容（至少 4 个字）", "write what it is about")));
        model.save();
        assertThat(model.busyProperty().get()).isTrue();
        executor.runAll();
        assertThat(model.busyProperty().get()).isFalse();
        assertThat(model.errors()).containsEntry("callerPhone", "请填写来电号码").containsEntry("content", "请写清诉求内容（至少 4 个字）");
        assertThat(model.messageProperty().get()).isEqualTo("未保存：请填写来电号码；请写清诉求内容（至少 4 个字）");
        assertThat(model.savedTicketProperty().get()).isEqualTo(-1);

        model.callerPhoneProperty().set("13800138000");
        assertThat(model.errors()).containsOnlyKeys("content");
        assertThat(model.messageProperty().get()).as("the refusal's summary goes with the first fix").isEmpty();

        DeskEntryViewModel english = model(Language.EN);
        english.save();
        executor.runAll();
        assertThat(english.errors()).containsEntry("callerPhone", "enter the number");
        assertThat(english.messageProperty().get()).isEqualTo("Not saved: enter the number; write what it is about");
    }

    @Test
    void aSaveThatGoesThroughNamesTheTicketAndASecondSaveDoesNothing() {
        DeskEntryViewModel model = model(Language.ZH_CN);
        model.arrivalProperty().set(DeskEntry.Arrival.WALK_IN);
        model.callerNameProperty().set("李女士");
        model.callerPhoneProperty().set("13800138000");
        model.contentProperty().set("楼道堆物堵塞消防通道");
        model.urgentProperty().set(true);
        List<String> saidWhenSaved = new ArrayList<>();
        model.savedTicketProperty().addListener((obs, old, id) -> saidWhenSaved.add(model.messageProperty().get()));
        model.save();
        model.save(); // a second Enter while the first runs
        executor.runAll();
        assertThat(service.taken).singleElement().satisfies(e -> {
            assertThat(e.arrival()).isEqualTo(DeskEntry.Arrival.WALK_IN);
            assertThat(e.callerName()).isEqualTo("李女士");
            assertThat(e.urgent()).isTrue();
            assertThat(e.entryId()).isEqualTo("F0rm1234");
        });
        assertThat(service.takers).containsExactly(TAKER);
        assertThat(model.savedTicketProperty().get()).isEqualTo(42);
        assertThat(model.messageProperty().get()).isEqualTo("已录入 2612-0042，已在队列中选中，可直接受理派遣");
        assertThat(saidWhenSaved).as("the desk's notice reads the message when it hears the ticket")
                .containsExactly("已录入 2612-0042，已在队列中选中，可直接受理派遣");
        model.save();
        executor.runAll();
        assertThat(service.taken).as("saved once").hasSize(1);
    }

    private static Candidate candidate(long id, String code) {
        return new Candidate(id, code, "下水道堵塞", 0.6, List.of(new DuplicateSuggestion.Reason(DuplicateSuggestion.Kind.TEXT, 60)));
    }

    /// The store's side, answering as told and remembering what it was asked.
    @Test
    void mergingIntoACandidateSavesTheCallThenShowsTheCandidateOrKeepsTheNewTicketSayingWhy() {
        DeskEntryViewModel model = model(Language.ZH_CN);
        model.callerPhoneProperty().set("13911112222");
        model.contentProperty().set("下水道堵塞污水外溢");
        Candidate earlier = candidate(7, "2612-0007");
        model.mergeInto(earlier);
        assertThat(model.busyProperty().get()).as("off the FX thread").isTrue();
        model.mergeInto(earlier); // a second press while the first runs does nothing
        executor.runNext();
        assertThat(executor.queued()).isZero();
        assertThat(service.taken).singleElement().satisfies(e -> assertThat(e.content()).isEqualTo("下水道堵塞污水外溢"));
        assertThat(service.mergedInto).containsExactly(7L);
        assertThat(model.savedTicketProperty().get()).as("the desk shows the candidate").isEqualTo(7L);
        assertThat(model.messageProperty().get()).isEqualTo("已录入 2612-0042 并并入 2612-0007，已显示原工单 2612-0007");

        DeskEntryViewModel refused = model(Language.EN);
        refused.contentProperty().set("下水道堵塞污水外溢");
        service.mergeAnswer = new DeskIntake.MergeOutcome(new IntakeService.Accepted(TicketEvolution.start(43, "2612-0043",
                new TicketEvent.Reported(new Intake(Channel.DESK, "x", "下水道", null, Instant.now()), "XSG")), false, null, false, 0, List.of()),
                false, "工单 2612-0007 已办结，不能并入", "ticket 2612-0007 is closed and takes no merge");
        refused.mergeInto(earlier);
        executor.runNext();
        assertThat(refused.savedTicketProperty().get()).as("the new ticket is kept and shown").isEqualTo(43L);
        assertThat(refused.messageProperty().get()).contains("2612-0043", "not merged into 2612-0007", "is closed and takes no merge");
    }

    private static final class FakeService implements EntryService {
        Function<DeskEntry, List<Candidate>> answer = d -> List.of();
        DeskEntryRefused refusal;
        final List<DeskEntry> drafts = new ArrayList<>();
        final List<DeskEntry> taken = new ArrayList<>();
        final List<Actor> takers = new ArrayList<>();

        @Override
        public List<Candidate> candidates(DeskEntry draft) {
            drafts.add(draft);
            return answer.apply(draft);
        }

        DeskIntake.MergeOutcome mergeAnswer;
        final List<Long> mergedInto = new ArrayList<>();

        @Override
        public DeskIntake.MergeOutcome takeInto(Actor taker, DeskEntry entry, long masterId) {
            IntakeService.Accepted accepted = take(taker, entry);
            mergedInto.add(masterId);
            return mergeAnswer != null ? mergeAnswer : new DeskIntake.MergeOutcome(accepted, true, null, null);
        }

        @Override
        public IntakeService.Accepted take(Actor taker, DeskEntry entry) {
            if (refusal != null) {
                throw refusal;
            }
            taken.add(entry);
            takers.add(taker);
            Intake intake = new Intake(Channel.DESK, entry.externalId(), entry.content(), null, Instant.now());
            return new IntakeService.Accepted(TicketEvolution.start(42, "2612-0042", new TicketEvent.Reported(intake, "XSG")), false,
                    null, false, 0, List.of());
        }
    }

    /// A pause in typing happens when the test says so.
    private static final class ManualDebounce implements Debounce {
        Runnable waiting;

        @Override
        public void request(Runnable work) {
            waiting = work;
        }

        @Override
        public void cancel() {
            waiting = null;
        }

        void pause() {
            Runnable work = waiting;
            waiting = null;
            work.run();
        }
    }
}
