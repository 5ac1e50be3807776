package org.griddesk.desk.signin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.griddesk.desk.session.DeskFace;
import org.griddesk.desk.session.SecurityTexts;
import org.griddesk.desk.session.SessionViewModel;
import org.griddesk.domain.org.Role;
import org.griddesk.security.Session;
import org.griddesk.testsupport.HandClock;
import org.griddesk.ui.CurrentThreadTaskExecutor;
import org.griddesk.ui.Language;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/// The desk locks after the idle time without input, or at once, only while someone is signed in;
/// each lock is recorded; the person's password unlocks it, a wrong one does not, and a lockout
/// while locked signs them out.
class IdleLockTest {
    private final HandClock clock = new HandClock(Instant.parse("2026-12-03T03:00:00Z"), Duration.ZERO);
    private final List<Session> recorded = new ArrayList<>();
    private ScriptedAccounts accounts;
    private SessionViewModel sessions;
    private IdleLock lock;
    private LockViewModel lockScreen;

    @BeforeEach
    void signIn() {
        accounts = new ScriptedAccounts().person("zhangmin", "Right@2026", "张敏", "XSG", Role.DISPATCHER);
        CurrentThreadTaskExecutor executor = new CurrentThreadTaskExecutor();
        sessions = new SessionViewModel(executor, SecurityTexts.of(Language.ZH_CN));
        sessions.useAccounts(accounts);
        sessions.recordLocksWith(recorded::add);
        lock = new IdleLock(clock, Duration.ofMinutes(15), sessions::deskLocked);
        lockScreen = new LockViewModel(executor, SecurityTexts.of(Language.ZH_CN), lock, sessions);
        lockScreen.checkSessionsWith(s -> !accounts.lockedOut);
        sessions.signedIn(accounts.session("zhangmin"));
        lock.arm(true);
    }

    @Test
    void locksAfterTheIdleTimeAndNotBefore() {
        clock.advance(Duration.ofMinutes(14));
        lock.tick();
        assertThat(lock.isLocked()).isFalse();
        clock.advance(Duration.ofMinutes(1));
        lock.tick();
        assertThat(lock.isLocked()).isTrue();
        assertThat(recorded).extracting(Session::username).containsExactly("zhangmin");
    }

    @Test
    void inputPutsTheLockOff() {
        clock.advance(Duration.ofMinutes(10));
        lock.input();
        clock.advance(Duration.ofMinutes(10));
        lock.tick();
        assertThat(lock.isLocked()).isFalse();
        clock.advance(Duration.ofMinutes(5));
        lock.tick();
        assertThat(lock.isLocked()).isTrue();
    }

    @Test
    void nobodySignedInNothingLocks() {
        lock.arm(false);
        clock.advance(Duration.ofHours(1));
        lock.tick();
        lock.lockNow();
        assertThat(lock.isLocked()).isFalse();
        assertThat(recorded).isEmpty();
    }

    @Test
    void theRightPasswordUnlocksAWrongOneDoesNot() {
        lock.lockNow();
        lockScreen.passwordProperty().set("wrong");
        lockScreen.unlock();
        assertThat(lock.isLocked()).isTrue();
        assertThat(lockScreen.messageProperty().get()).isEqualTo("密码不正确。");
        assertThat(lockScreen.passwordProperty().get()).isEmpty();
        lockScreen.passwordProperty().set("Right@2026");
        lockScreen.unlock();
        assertThat(lock.isLocked()).isFalse();
        assertThat(sessions.current()).isNotNull();
        assertThat(accounts.passwordsSeen).allSatisfy(p -> assertThat(new String(p)).matches("\\x{0}*"));
        // unlocked, the idle time counts from now
        clock.advance(Duration.ofMinutes(14));
        lock.tick();
        assertThat(lock.isLocked()).isFalse();
    }

    @Test
    void aLockoutWhileLockedSignsOut() {
        lock.lockNow();
        for (int i = 0; i < 3; i++) {
            lockScreen.passwordProperty().set("wrong" + i);
            lockScreen.unlock();
        }
        assertThat(sessions.current()).isNull();
        assertThat(sessions.faceProperty().get()).isEqualTo(DeskFace.SIGNED_OUT);
        assertThat(sessions.farewellProperty().get()).contains("已注销");
        assertThat(accounts.calls).as("the session ends in the store once, not again from the desk")
                .containsOnlyOnce("signOut zhangmin");
        lock.arm(false); // what the desk does when the session ends
        assertThat(lock.isLocked()).isFalse();
    }

    @Test
    void anOverrideSetsTheIdleTimeForTestsAndDemonstrations() {
        assertThat(IdleLock.idleTime(15, "PT3S")).isEqualTo(Duration.ofSeconds(3));
        assertThat(IdleLock.idleTime(15, null)).isEqualTo(Duration.ofMinutes(15));
        assertThat(IdleLock.idleTime(15, "soon")).isEqualTo(Duration.ofMinutes(15));
        assertThat(IdleLock.idleTime(10, "PT0S")).isEqualTo(Duration.ofMinutes(10));
    }
}
