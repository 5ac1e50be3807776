package org.griddesk.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.SQLNonTransientConnectionException;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.http.BadMessageException;
import org.eclipse.jetty.io.EofException;
import org.griddesk.store.StoreUnavailableException;
import org.jooq.exception.DataAccessException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/// Which bodies count as typed JSON, and which failures while reading one are the client's rather than the store's.
class RequestBodyTest {
    @ParameterizedTest
    @ValueSource(strings = {"application/json", "application/json; charset=utf-8", "Application/JSON;charset=UTF-8",
            "application/json; charset=\"utf-8\"", "application/json;"})
    void jsonInUtf8IsJson(String type) {
        assertThat(RequestBody.isJson(type)).isTrue();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"text/plain", "text/json", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x",
            "application/json; charset=gbk", "application/json; charset=utf-16", "application/json; charset=utf8",
            "application/jsonp", "application/problem+json", "application/json; version=2", "application/json; charset"})
    void anythingElseIsNot(String type) {
        assertThat(RequestBody.isJson(type)).isFalse();
    }

    @Test
    void aClientThatHungUpOrBrokeItsFramingIsTheClientsDoing() {
        assertThat(RequestBody.brokenOff(new EofException("Early EOF"))).isTrue();
        assertThat(RequestBody.brokenOff(new UncheckedIOException(new EofException("reset")))).isTrue();
        assertThat(RequestBody.brokenOff(new BadMessageException("Bad chunk"))).isTrue();
        assertThat(RequestBody.brokenOff(new IllegalStateException(new IOException(new TimeoutException("Idle timeout"))))).isTrue();
    }

    /// A store that went away may carry an EOF deep in its causes (the database's socket): that is
    /// the store's loss, answered 503, not a client that hung up.
    @Test
    void theStoreGoingAwayIsNeverTakenForAClient() {
        SQLNonTransientConnectionException lost = new SQLNonTransientConnectionException("I/O error", "08006", new EOFException());
        assertThat(RequestBody.brokenOff(new DataAccessException("insert", lost))).isFalse();
        assertThat(RequestBody.brokenOff(StoreUnavailableException.during(new EofException()))).isFalse();
        assertThat(RequestBody.brokenOff(new IllegalStateException("a bug"))).isFalse();
        assertThat(RequestBody.brokenOff(new IOException("a file of ours"))).isFalse();
    }
}
