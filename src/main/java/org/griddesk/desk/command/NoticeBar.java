package org.griddesk.desk.command;

import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.util.Duration;

/// A line over the bottom of the map that tells what just happened (done, refused, stale) and, for
/// a dispatch, offers to take it back while the undo window lasts. It never takes the focus.
public final class NoticeBar extends HBox implements Notices {
    private static final PseudoClass FAILED = PseudoClass.getPseudoClass("failed");
    /// how long a notice without an offer stays
    static final Duration SHOWN_FOR = Duration.seconds(8);

    private final Label text = new Label();
    private final Button offer = new Button();
    private final Timeline timer = new Timeline();
    private Runnable offered;
    private long offerEndsAt;
    private String offerLabel = "";

    public NoticeBar() {
        getStyleClass().add("notice-bar");
        setId("noticeBar");
        setAlignment(Pos.CENTER_LEFT);
        setSpacing(12);
        text.setId("noticeText");
        text.setWrapText(true);
        offer.setId("noticeOffer");
        offer.setFocusTraversable(false);
        offer.getStyleClass().add("notice-offer");
        offer.setOnAction(e -> takeOffer());
        getChildren().addAll(text, offer);
        setVisible(false);
        setManaged(false);
        setMouseTransparent(false);
        setMaxHeight(USE_PREF_SIZE);
    }

    /// Shows what happened; `failed` colours it as a refusal.
    @Override
    public void say(String message, boolean failed) {
        show(message, failed, null, null, Duration.ZERO);
    }

    /// Shows what happened with an offer (e.g. 撤销) that lasts `window`.
    @Override
    public void sayWithOffer(String message, String offerText, Runnable action, Duration window) {
        show(message, false, offerText, action, window);
    }

    /// Runs the offer, if one is still open; false when there is none.
    boolean takeOffer() {
        Runnable action = offered;
        if (action == null || System.currentTimeMillis() > offerEndsAt) {
            return false;
        }
        withdrawOffer();
        action.run();
        return true;
    }

    String text() {
        return text.getText();
    }

    private void show(String message, boolean failed, String offerText, Runnable action, Duration window) {
        timer.stop();
        text.setText(message);
        pseudoClassStateChanged(FAILED, failed);
        offered = action;
        offerLabel = offerText == null ? "" : offerText;
        offerEndsAt = System.currentTimeMillis() + (long) window.toMillis();
        offer.setVisible(action != null);
        offer.setManaged(action != null);
        setVisible(true);
        setManaged(true);
        timer.getKeyFrames().setAll(new KeyFrame(Duration.millis(250), e -> tick()));
        timer.setCycleCount(Animation.INDEFINITE);
        tick();
        timer.play();
    }

    private void tick() {
        long left = offerEndsAt - System.currentTimeMillis();
        if (offered != null && left > 0) {
            offer.setText(offerLabel + " " + (left + 999) / 1000 + "s");
            return;
        }
        withdrawOffer();
        if (left < -SHOWN_FOR.toMillis()) {
            timer.stop();
            setVisible(false);
            setManaged(false);
        }
    }

    private void withdrawOffer() {
        offered = null;
        offer.setVisible(false);
        offer.setManaged(false);
    }
}
