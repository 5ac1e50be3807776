package org.griddesk.supervise.ranking;

import java.time.Clock;
import java.util.function.Supplier;
import javafx.stage.Window;
import org.griddesk.domain.org.Permission;
import org.griddesk.security.AuditSink;
import org.griddesk.security.Session;
import org.griddesk.desk.SupervisionScreen;
import org.griddesk.supervise.bulletin.BulletinSources;
import org.griddesk.supervise.drill.TicketLists;
import org.griddesk.ui.Language;
import org.griddesk.ui.Messages;
import org.griddesk.ui.TaskExecutor;

/// 考评排名 in the desk's 督查考核 menu: the monthly ranking of town centres or departments with the
/// change from last month, each score explained line by line with the tickets behind it, and the
/// 《考评专报》 of the month made into a file. For those who may read the assessment.
public final class RankingScreen implements SupervisionScreen {
    private final Supplier<BulletinSources> sources;
    private final Supplier<AuditSink> audit;
    private final TicketLists lists;
    private final TaskExecutor executor;
    private final Clock clock;

    /// @param sources read off the FX thread when the screen asks (the store may open after the desk)
    public RankingScreen(Supplier<BulletinSources> sources, Supplier<AuditSink> audit, TicketLists lists, TaskExecutor executor,
                         Clock clock) {
        this.sources = sources;
        this.audit = audit;
        this.lists = lists;
        this.executor = executor;
        this.clock = clock;
    }

    @Override
    public String title(Language language) {
        return Messages.of(language, RankingView.BUNDLE).get("ranking.menu");
    }

    @Override
    public boolean allowedFor(Session session) {
        return session.may(Permission.ASSESSMENT_READ);
    }

    @Override
    public Window open(Window owner, Session session, Language language) {
        Messages words = Messages.of(language, RankingView.BUNDLE);
        RankingViewModel model = new RankingViewModel(sources, audit, executor, clock, session, words);
        return RankingView.open(owner, model, lists.forViewer(session), words);
    }
}
