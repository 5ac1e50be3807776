package org.griddesk.desk.queue;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.griddesk.domain.ticket.Channel;
import org.griddesk.ui.Messages;
import org.griddesk.ui.Percent;
import org.kordamp.ikonli.javafx.FontIcon;

/// How a ticket looks in a list: channel icon, code, item, countdown (or its state), place and
/// badges, coloured by its risk. The queue's rows are these cells with drag and menu added; a
/// drill-down list shows the same cells, for closed tickets too.
public class TicketCell extends ListCell<QueueItem> {
    /// What a cell asks of the list it is in: the words, the clock, and which tickets are new.
    public interface Looks {
        Messages messages();

        Instant now();

        boolean fresh(long ticketId);

        /// The looks of a read-only list (history, drill-down): nothing is new in it.
        static Looks readOnly(Messages messages, java.util.function.Supplier<Instant> now) {
            return new Looks() {
                @Override
                public Messages messages() {
                    return messages;
                }

                @Override
                public Instant now() {
                    return now.get();
                }

                @Override
                public boolean fresh(long ticketId) {
                    return false;
                }
            };
        }
    }

    private static final Map<Channel, String> ICONS = Map.of(
            Channel.HOTLINE_8890, "mdal-headset_mic",
            Channel.GOVERNANCE_PLATFORM, "mdmz-smartphone",
            Channel.GRID_APP, "mdal-directions_walk",
            Channel.VIDEO, "mdmz-videocam",
            Channel.SMART_PUSH, "mdmz-router",
            Channel.DEPARTMENT_PUSH, "mdal-account_balance",
            Channel.DESK, "mdmz-person_pin");
    private static final PseudoClass FRESH = PseudoClass.getPseudoClass("fresh");
    private static final PseudoClass LATE = PseudoClass.getPseudoClass("late");
    /// a learnt chance of missing the deadline that coloured the row at risk
    private static final PseudoClass LIKELY = PseudoClass.getPseudoClass("likely");
    private static final PseudoClass FRESH_URGENT = PseudoClass.getPseudoClass("fresh-urgent");
    /// handed to another centre (移交), waiting for its answer
    private static final PseudoClass HANDED_OVER = PseudoClass.getPseudoClass("handed-over");
    private static final String TRANSFER_BUNDLE = "i18n/transfer";
    /// the height the cells are laid out for: lists of them use it as their fixed cell size
    public static final double HEIGHT = 62;

    private final Looks looks;
    private final FontIcon icon = new FontIcon();
    private final Label code = new Label();
    private final Label item = new Label();
    private final Label text = new Label();
    private final Label place = new Label();
    private final Label countdown = new Label();
    /// the learnt chance of missing the deadline, when known
    private final Label chance = new Label();
    private final Label badges = new Label();
    private final HBox box;

    public TicketCell(Looks looks) {
        this.looks = looks;
        getStyleClass().add("queue-row");
        setPrefWidth(0); // rows take the list's width: long texts are cut, never scrolled sideways
        countdown.setMinWidth(Region.USE_PREF_SIZE);
        code.setMinWidth(Region.USE_PREF_SIZE);
        icon.getStyleClass().add("queue-channel");
        code.getStyleClass().add("queue-code");
        item.getStyleClass().add("queue-item");
        text.getStyleClass().add("queue-text");
        place.getStyleClass().add("queue-place");
        countdown.getStyleClass().add("queue-countdown");
        chance.getStyleClass().add("queue-chance");
        chance.setMinWidth(Region.USE_PREF_SIZE);
        badges.getStyleClass().add("queue-badges");
        HBox top = new HBox(8, code, item, spacer(), chance, countdown);
        top.setAlignment(Pos.CENTER_LEFT);
        HBox bottom = new HBox(8, place, spacer(), badges);
        bottom.setAlignment(Pos.CENTER_LEFT);
        VBox lines = new VBox(1, top, text, bottom);
        HBox.setHgrow(lines, Priority.ALWAYS);
        lines.setMinWidth(0);
        box = new HBox(8, icon, lines);
        box.setAlignment(Pos.CENTER_LEFT);
    }

    @Override
    protected void updateItem(QueueItem q, boolean empty) {
        super.updateItem(q, empty);
        for (QueueItem.Risk risk : QueueItem.Risk.values()) {
            pseudoClassStateChanged(PseudoClass.getPseudoClass(risk.name().toLowerCase(Locale.ROOT).replace('_', '-')),
                    !empty && q != null && q.risk() == risk);
        }
        pseudoClassStateChanged(FRESH, !empty && q != null && looks.fresh(q.id()));
        if (empty || q == null) {
            setGraphic(null);
            setText(null);
            return;
        }
        Messages messages = looks.messages();
        icon.setIconLiteral(ICONS.get(q.channel()));
        code.setText(q.code());
        item.setText(q.itemName().isEmpty() ? messages.get("state." + q.state().name()) : q.itemName());
        text.setText(q.shortText());
        place.setText(q.placed() ? q.place() : messages.get("queue.unplaced"));
        chance.setText(q.hasBreachChance() ? messages.get("queue.chance", Percent.of(messages, q.breachChance())) : "");
        // bold only where the chance coloured the row (a model that beat the rule): else the rule's colour alone speaks
        chance.pseudoClassStateChanged(LIKELY, q.risk() == QueueItem.Risk.AT_RISK && q.hasBreachChance()
                && q.breachChance() >= BreachForecast.AT_RISK);
        tick();
        StringBuilder b = new StringBuilder();
        if (q.urgent()) {
            b.append(messages.get("queue.badge.urgent")).append("  ");
        }
        if (q.duplicates() > 0) {
            b.append(messages.get("queue.badge.duplicates", q.duplicates())).append("  ");
        }
        if (q.openWhistles() > 0) {
            b.append(messages.get("queue.badge.whistles", q.openWhistles())).append("  ");
        }
        if (q.repeats() > 0) {
            b.append(messages.get("queue.badge.repeats", q.repeats())).append("  ");
        }
        b.append(handover(q.work().handover()));
        if (q.work().placeReview()) {
            b.append("  ").append(Messages.of(messages.language(), TRANSFER_BUNDLE).get("queue.badge.placeReview"));
        }
        badges.setText(b.toString().strip());
        pseudoClassStateChanged(HANDED_OVER, q.work().handover() != null && q.work().handover().pending());
        setText(null);
        setGraphic(box);
    }

    /// 移交: "移交 咸水沽镇→葛沽镇 待接收" in both centres' queues, or who refused it.
    private String handover(QueueItem.Handover h) {
        if (h == null) {
            return "";
        }
        Messages transfer = Messages.of(looks.messages().language(), TRANSFER_BUNDLE);
        String from = h.fromName().isEmpty() ? transfer.get("queue.districtCentre") : h.fromName();
        String to = h.toName().isEmpty() ? transfer.get("queue.districtCentre") : h.toName();
        return h.pending() ? transfer.get("queue.badge.transfer", from, to) : transfer.get("queue.badge.transferRefused", to);
    }

    /// The countdown at the list's clock, and the fresh mark.
    public void tick() {
        QueueItem q = getItem();
        if (q == null || isEmpty()) {
            return;
        }
        pseudoClassStateChanged(FRESH, looks.fresh(q.id()));
        pseudoClassStateChanged(FRESH_URGENT, q.urgent() && looks.fresh(q.id()));
        String left = QueueViewModel.countdown(q.due(), looks.now());
        countdown.setText(left.isEmpty() ? looks.messages().get("state." + q.state().name()) : left);
        countdown.pseudoClassStateChanged(LATE, left.startsWith("-"));
    }

    private static Region spacer() {
        Region r = new Region();
        HBox.setHgrow(r, Priority.ALWAYS);
        return r;
    }
}
