package org.griddesk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import org.griddesk.testsupport.FxToolkitSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TaskExecutorTest {

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkitSupport.start();
    }

    @Test
    void workRunsOffTheFxThreadAndTheResultComesBackOnIt() throws Exception {
        AtomicBoolean workOnFx = new AtomicBoolean(true);
        AtomicBoolean resultOnFx = new AtomicBoolean(false);
        AtomicReference<String> result = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(1);
        try (FxTaskExecutor executor = new FxTaskExecutor(2)) {
            Platform.runLater(() -> executor.submit(() -> {
                workOnFx.set(Platform.isFxApplicationThread());
                return "已受理";
            }, value -> {
                resultOnFx.set(Platform.isFxApplicationThread());
                result.set(value);
                done.countDown();
            }, failure -> done.countDown()));
            assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(workOnFx).isFalse();
        assertThat(resultOnFx).isTrue();
        assertThat(result).hasValue("已受理");
    }

    @Test
    void failuresArriveOnTheFxThreadUnwrapped() throws Exception {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        AtomicBoolean onFx = new AtomicBoolean(false);
        CountDownLatch done = new CountDownLatch(1);
        try (FxTaskExecutor executor = new FxTaskExecutor(1)) {
            executor.submit(() -> {
                throw new IllegalStateException("数据库不可用");
            }, value -> done.countDown(), e -> {
                onFx.set(Platform.isFxApplicationThread());
                failure.set(e);
                done.countDown();
            });
            assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(onFx).isTrue();
        assertThat(failure.get()).isInstanceOf(IllegalStateException.class).hasMessage("数据库不可用");
    }

    @Test
    void workAfterCloseIsDroppedWithoutThrowingOrCallingBack() {
        FxTaskExecutor executor = new FxTaskExecutor(1);
        executor.close();
        AtomicBoolean ran = new AtomicBoolean(false);
        AtomicBoolean calledBack = new AtomicBoolean(false);
        var future = executor.submit(() -> {
            ran.set(true);
            return 1;
        }, v -> calledBack.set(true), e -> calledBack.set(true));
        assertThat(future).isCompletedExceptionally();
        assertThat(ran).isFalse();
        assertThat(calledBack).isFalse();
    }

    @Test
    void currentThreadExecutorRunsEverythingInline() {
        AtomicReference<Thread> worker = new AtomicReference<>();
        AtomicReference<Thread> callback = new AtomicReference<>();
        new CurrentThreadTaskExecutor().submit(() -> {
            worker.set(Thread.currentThread());
            return 1;
        }, v -> callback.set(Thread.currentThread()), e -> { });
        assertThat(worker.get()).isSameAs(Thread.currentThread());
        assertThat(callback.get()).isSameAs(Thread.currentThread());
    }
}
