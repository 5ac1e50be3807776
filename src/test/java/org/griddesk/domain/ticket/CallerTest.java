package org.griddesk.domain.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CallerTest {
    @Test
    void aCallerIsShownAndLoggedMasked() {
        Caller caller = new Caller(" 王建华 ", "13812348000");
        assertThat(caller.name()).isEqualTo("王建华");
        assertThat(caller.maskedName()).isEqualTo("王*华");
        assertThat(caller.maskedPhone()).isEqualTo("138****8000");
        assertThat(caller.toString()).isEqualTo("Caller[王*华 138****8000]").doesNotContain("1381234");
        assertThat(new Caller(null, "02228881234").maskedName()).isEmpty();
    }

    @Test
    void aPhoneIsDigitsAndANameHasALimit() {
        assertThatThrownBy(() -> new Caller("李四", "138-1234-8000")).hasMessageContaining("5 to 20 digits");
        assertThatThrownBy(() -> new Caller("李四", null)).hasMessageContaining("digits");
        assertThatThrownBy(() -> new Caller("名".repeat(51), "13812348000")).hasMessageContaining("50");
    }
}
