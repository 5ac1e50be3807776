package org.griddesk.desk.detail;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.griddesk.domain.ticket.TicketEvent;
import org.griddesk.ui.Language;
import org.griddesk.ui.Messages;
import org.junit.jupiter.api.Test;

/// Every kind of trail event has its own label, in Chinese and in English.
class EventLabelsTest {
    @Test
    void everyEventTypeHasItsOwnLabelInBothLanguages() throws Exception {
        Set<String> keys = new HashSet<>();
        for (Class<?> type : TicketEvent.class.getPermittedSubclasses()) {
            String key = EventLabels.key(instance(type));
            assertThat(keys.add(key)).as("%s has a key of its own", type.getSimpleName()).isTrue();
            for (Language language : Language.values()) {
                String label = Messages.of(language).get(key);
                assertThat(label).as("%s in %s", key, language).isNotBlank().doesNotStartWith("!");
            }
        }
        assertThat(keys).hasSize(TicketEvent.class.getPermittedSubclasses().length);
    }

    /// An event of the type with empty values (the label depends on the type alone).
    private static TicketEvent instance(Class<?> type) throws Exception {
        RecordComponent[] components = type.getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            values[i] = types[i] == int.class ? 0 : types[i] == long.class ? 0L : types[i] == double.class ? 0.0
                    : types[i] == boolean.class ? false : types[i] == List.class ? List.of() : types[i] == String.class ? "" : null;
        }
        return (TicketEvent) type.getDeclaredConstructor(types).newInstance(values);
    }
}
