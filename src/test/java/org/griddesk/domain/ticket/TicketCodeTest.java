package org.griddesk.domain.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class TicketCodeTest {
    @Test
    void aCodeIsTheBeijingMonthAndAtLeastFourDigits() {
        // 16:30 UTC on 30 November is already 1 December in Beijing
        String month = TicketCode.month(Instant.parse("2024-11-30T16:30:00Z"));
        assertThat(month).isEqualTo("2412");
        assertThat(TicketCode.of(month, 7)).isEqualTo("2412-0007");
        assertThat(TicketCode.of(month, 9999)).isEqualTo("2412-9999");
        assertThat(TicketCode.of(month, 12345)).isEqualTo("2412-12345");
        assertThatThrownBy(() -> TicketCode.of(month, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aCodeReadsBackIntoItsMonthAndNumber() {
        assertThat(TicketCode.monthOf("2412-0007")).isEqualTo("2412");
        assertThat(TicketCode.numberOf("2412-0007")).isEqualTo(7);
        assertThat(TicketCode.numberOf("2412-12345")).isEqualTo(12345);
    }
}
