package org.griddesk.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.griddesk.domain.org.Role;
import org.griddesk.domain.ticket.Caller;
import org.griddesk.domain.ticket.Channel;
import org.griddesk.domain.ticket.HistoryQuery;
import org.griddesk.domain.ticket.Ticket;
import org.griddesk.domain.ticket.TicketState;
import org.griddesk.security.TicketScope;
import org.griddesk.store.search.LikeSearch;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// History search over the desk's own index: each field alone and together, both orders, bad
/// input, the viewer's scope, the caller panel's questions, and nothing personal in clear on disk.
class HistorySearchTest {
    @TempDir
    static Path temp;
    static HistoryTickets tickets;
    static HistoryIndex index;
    static HistorySearch search;
    static Instant now = Instant.now();
    static Ticket noiseClosed;
    static Ticket stairs;
    static Ticket manhole;
    static Ticket oldNoise;
    static Ticket lamp;
    static Ticket longAgo;

    @BeforeAll
    static void history() {
        tickets = new HistoryTickets(temp.resolve("store"));
        Caller ouyang = new Caller("欧阳振华", "13987654321");
        noiseClosed = tickets.closed(tickets.report(tickets.xsg, Channel.HOTLINE_8890, "夜间施工噪音扰民，影响休息", "咸水沽镇津沽路12号",
                ouyang, days(10)), tickets.item);
        stairs = tickets.report(tickets.xsg, Channel.HOTLINE_8890, "楼道堆放杂物堵塞消防通道", "咸水沽镇津沽路12号", ouyang, days(5));
        manhole = tickets.accepted(tickets.report(tickets.gg, Channel.GRID_APP, "井盖缺失有行人跌倒风险", "葛沽镇东大街3号",
                new Caller("司马光明", "15611112222"), days(2)), tickets.otherCategoryItem);
        oldNoise = tickets.report(tickets.xsg, Channel.SMART_PUSH, "施工噪音持续到深夜，噪音很大", "咸水沽镇红旗路8号", null, days(200));
        lamp = tickets.report(tickets.xsg, Channel.HOTLINE_8890, "路灯不亮", "咸水沽镇津沽路 12 号", new Caller("欧阳 振华", "8613987654321"),
                days(1));
        longAgo = tickets.report(tickets.xsg, Channel.HOTLINE_8890, "去年的旧事", "咸水沽镇津沽路12号", ouyang, days(120));
        index = tickets.index(temp.resolve("index"));
        search = new HistorySearch(index);
        index.start();
        index.awaitIdle();
        assertThat(index.state()).isEqualTo(HistoryIndex.State.READY);
    }

    @AfterAll
    static void close() {
        index.close();
        tickets.close();
    }

    private static Instant days(int ago) {
        return now.minus(Duration.ofDays(ago));
    }

    private static List<Long> find(HistoryQuery q) {
        return find(q, SearchScope.ALL);
    }

    private static List<Long> find(HistoryQuery q, SearchScope scope) {
        HistoryIndex.Hits hits = search.search(q, scope, 50);
        assertThat(hits.ready()).isTrue();
        return hits.ids();
    }

    private static Long[] ids(Ticket... ts) {
        return Stream.of(ts).map(Ticket::id).toArray(Long[]::new);
    }

    @Test
    void aCodeFindsItsTicketInTheBoxOrItsField() {
        assertThat(find(HistoryQuery.text(manhole.code()))).containsExactly(manhole.id());
        assertThat(find(HistoryQuery.text(" " + manhole.code() + " "))).containsExactly(manhole.id());
        assertThat(find(HistoryQuery.EMPTY.withCode(stairs.code()))).containsExactly(stairs.id());
        assertThat(find(HistoryQuery.text(manhole.code().replace("-", "")))).as("without its dash").containsExactly(manhole.id());
        assertThat(find(HistoryQuery.text(fullWidth(manhole.code())))).as("in full-width characters").containsExactly(manhole.id());
    }

    /// `2611-0042` as a Chinese input method in full-width mode types it: `２６１１－００４２`
    private static String fullWidth(String ascii) {
        StringBuilder out = new StringBuilder();
        ascii.chars().forEach(c -> out.append(c == ' ' ? '\u3000' : (char) (c - 0x21 + 0xFF01)));
        return out.toString();
    }

    @Test
    void aPhoneInAnySpellingFindsTheCallersTicketsByItsBlindIndex() {
        Long[] ouyang = ids(noiseClosed, stairs, lamp, longAgo);
        assertThat(find(HistoryQuery.EMPTY.withPhone("139 8765 4321"))).containsExactlyInAnyOrder(ouyang);
        assertThat(find(HistoryQuery.EMPTY.withPhone("+86 13987654321"))).containsExactlyInAnyOrder(ouyang);
        assertThat(find(HistoryQuery.text("13987654321"))).as("a phone typed in the free box").containsExactlyInAnyOrder(ouyang);
        assertThat(find(HistoryQuery.EMPTY.withPhone(fullWidth("139 8765 4321")))).as("full-width digits").containsExactlyInAnyOrder(ouyang);
        assertThat(find(HistoryQuery.text(fullWidth("13987654321")))).containsExactlyInAnyOrder(ouyang);
        assertThat(find(HistoryQuery.EMPTY.withPhone("13987654320"))).isEmpty();
    }

    @Test
    void anExactNameFindsTheCallersTicketsWhateverItsSpaces() {
        assertThat(find(HistoryQuery.EMPTY.withName("欧阳振华"))).containsExactlyInAnyOrder(ids(noiseClosed, stairs, lamp, longAgo));
        assertThat(find(HistoryQuery.EMPTY.withName("司马 光明"))).containsExactly(manhole.id());
        assertThat(find(HistoryQuery.EMPTY.withName("欧阳"))).as("exact names only: a part says nothing").isEmpty();
    }

    @Test
    void wordsOfTheAddressAndOfTheContentAreFoundInChinese() {
        assertThat(find(HistoryQuery.EMPTY.withAddress("津沽路"))).containsExactlyInAnyOrder(ids(noiseClosed, stairs, lamp, longAgo));
        assertThat(find(HistoryQuery.EMPTY.withAddress("东大街"))).containsExactly(manhole.id());
        assertThat(find(HistoryQuery.text("噪音"))).containsExactlyInAnyOrder(ids(noiseClosed, oldNoise));
        assertThat(find(HistoryQuery.text("噪音扰民"))).as("every word must be there").containsExactly(noiseClosed.id());
        assertThat(find(HistoryQuery.text("消防通道"))).containsExactly(stairs.id());
        assertThat(find(HistoryQuery.text("葛沽镇"))).as("the free box reads the address too").containsExactly(manhole.id());
    }

    @Test
    void categoryChannelUnitStateAndTimeFilter() {
        assertThat(find(HistoryQuery.EMPTY.withCategory(tickets.otherCategoryItem.categoryCode()))).containsExactly(manhole.id());
        assertThat(find(HistoryQuery.EMPTY.withCategory(tickets.item.categoryCode()))).containsExactly(noiseClosed.id());
        assertThat(find(HistoryQuery.EMPTY.withChannel(Channel.GRID_APP))).containsExactly(manhole.id());
        assertThat(find(HistoryQuery.EMPTY.withChannel(Channel.SMART_PUSH))).containsExactly(oldNoise.id());
        assertThat(find(HistoryQuery.EMPTY.withUnit(tickets.gg.id()))).containsExactly(manhole.id());
        assertThat(find(HistoryQuery.EMPTY.withState(TicketState.CLOSED))).containsExactly(noiseClosed.id());
        assertThat(find(HistoryQuery.EMPTY.between(days(3), now.plusSeconds(60)))).containsExactlyInAnyOrder(ids(manhole, lamp));
        assertThat(find(HistoryQuery.EMPTY.between(null, days(100)))).containsExactlyInAnyOrder(ids(oldNoise, longAgo));
    }

    @Test
    void partsCombine() {
        assertThat(find(HistoryQuery.EMPTY.withPhone("13987654321").withState(TicketState.CLOSED))).containsExactly(noiseClosed.id());
        assertThat(find(HistoryQuery.text("噪音").withChannel(Channel.SMART_PUSH))).containsExactly(oldNoise.id());
        assertThat(find(HistoryQuery.text("噪音").between(days(30), null))).containsExactly(noiseClosed.id());
        assertThat(find(HistoryQuery.EMPTY.withName("欧阳振华").withAddress("津沽路").between(days(7), null)))
                .containsExactlyInAnyOrder(ids(stairs, lamp));
        assertThat(find(HistoryQuery.text("噪音").withUnit(tickets.gg.id()))).isEmpty();
    }

    @Test
    void relevanceOrNewestFirst() {
        assertThat(find(HistoryQuery.text("噪音"))).as("twice the word, first").containsExactly(ids(oldNoise, noiseClosed));
        assertThat(find(HistoryQuery.text("噪音").ordered(HistoryQuery.Order.NEWEST))).containsExactly(ids(noiseClosed, oldNoise));
        assertThat(find(HistoryQuery.EMPTY.withPhone("13987654321").ordered(HistoryQuery.Order.NEWEST)))
                .containsExactly(ids(lamp, stairs, noiseClosed, longAgo));
    }

    @Test
    void badInputNeverFailsAndIsNeverSyntax() {
        List<String> bad = new ArrayList<>(List.of("\"噪音\"", "噪音*", "*", "?", "OR 1=1", "' OR '1'='1", "content:噪音 OR *:*",
                "噪音 AND NOT 扰民", "\\", "((((", "[1 TO 9]", "~", "%", "_", "!", "噪音\u0000", "\uD800噪音\uDC00", "\uDFFF",
                "噪".repeat(10_000), "a".repeat(10_000), "津 ".repeat(5_000), "😀噪音"));
        LikeSearch like = new LikeSearch(tickets.db.dsl());
        for (String text : bad) {
            HistoryQuery q = HistoryQuery.text(text).withAddress(text).withName(text).withPhone(text);
            assertThatCode(() -> search.search(q, SearchScope.ALL, 50)).as(text.length() > 40 ? text.substring(0, 40) : text)
                    .doesNotThrowAnyException();
            assertThatCode(() -> search.search(HistoryQuery.text(text), SearchScope.ALL, 50)).doesNotThrowAnyException();
            assertThatCode(() -> like.search(HistoryQuery.text(text), null, 50)).doesNotThrowAnyException();
        }
        assertThat(find(HistoryQuery.text("\"噪音\""))).as("quotes are not syntax").containsExactlyInAnyOrder(ids(noiseClosed, oldNoise));
        assertThat(find(HistoryQuery.text("噪音*"))).as("nor wildcards").containsExactlyInAnyOrder(ids(noiseClosed, oldNoise));
        assertThat(find(HistoryQuery.text("\uD800噪音\uDC00"))).as("lone surrogates are dropped")
                .containsExactlyInAnyOrder(ids(noiseClosed, oldNoise));
        assertThat(find(HistoryQuery.text("OR 1=1"))).as("SQL-looking text finds what it says: nothing").isEmpty();
        assertThat(find(HistoryQuery.text("*"))).as("a lone wildcard lists nothing, not everything").isEmpty();
        assertThat(HistoryQuery.text("噪".repeat(10_000)).text()).hasSize(HistoryQuery.MAX_TEXT);
        assertThat(search.search(HistoryQuery.EMPTY, SearchScope.ALL, 50).ids()).as("an empty form lists nothing").isEmpty();
    }

    @Test
    void aViewerFindsOnlyTheTicketsTheirScopeCovers() {
        SearchScope gegu = SearchScope.of(TicketScope.of(HistoryTickets.session(Role.SUPERVISOR, tickets.gg), tickets.organisation),
                tickets.organisation);
        SearchScope district = SearchScope.of(TicketScope.of(HistoryTickets.session(Role.SUPERVISOR,
                tickets.organisation.unit("JN").orElseThrow()), tickets.organisation), tickets.organisation);
        assertThat(find(HistoryQuery.EMPTY.withPhone("13987654321"), gegu)).as("咸水沽's callers are not 葛沽's to see").isEmpty();
        assertThat(find(HistoryQuery.text("井盖"), gegu)).containsExactly(manhole.id());
        assertThat(find(HistoryQuery.EMPTY.withPhone("13987654321"), district)).hasSize(4);
        assertThat(find(HistoryQuery.text("井盖"), SearchScope.NONE)).isEmpty();
        assertThat(search.callerHistory(stairs.id(), gegu, now).samePhone()).isEmpty();
    }

    @Test
    void theCallerPanelListsTheSamePhonesAndAddressesOtherRequestsOfNinetyDays() {
        HistorySearch.CallerHistory h = search.callerHistory(stairs.id(), SearchScope.ALL, now.plusSeconds(1));
        assertThat(h.ready()).isTrue();
        assertThat(h.samePhone()).as("newest first, not itself, not 120 days ago").containsExactly(ids(lamp, noiseClosed));
        assertThat(h.sameAddress()).as("`津沽路 12 号` is `津沽路12号`").containsExactly(ids(lamp, noiseClosed));
        HistorySearch.CallerHistory none = search.callerHistory(oldNoise.id(), SearchScope.ALL, now);
        assertThat(none.samePhone()).isEmpty();
        assertThat(none.sameAddress()).isEmpty();
    }

    @Test
    void noPhoneOrNameIsWrittenToTheIndexInClear() throws Exception {
        index.awaitIdle();
        HistoryIndex copy = tickets.index(temp.resolve("index-scan"));
        copy.start();
        copy.awaitIdle();
        copy.close();
        List<byte[]> secrets = List.of("13987654321".getBytes(StandardCharsets.UTF_8), "欧阳振华".getBytes(StandardCharsets.UTF_8),
                "15611112222".getBytes(StandardCharsets.UTF_8), "司马光明".getBytes(StandardCharsets.UTF_8));
        try (Stream<Path> files = Files.list(temp.resolve("index-scan"))) {
            for (Path f : files.toList()) {
                byte[] bytes = Files.readAllBytes(f);
                for (byte[] secret : secrets) {
                    assertThat(indexOf(bytes, secret)).as(f.getFileName() + " holds " + new String(secret, StandardCharsets.UTF_8))
                            .isEqualTo(-1);
                }
            }
        }
        // and the copy was a whole index: it found what the desk's does
        assertThat(Files.list(temp.resolve("index-scan")).count()).isGreaterThan(2);
    }

    static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
