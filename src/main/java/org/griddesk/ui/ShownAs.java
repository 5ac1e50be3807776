package org.griddesk.ui;

import java.util.function.Function;
import javafx.util.StringConverter;

/// A one-way converter for choice boxes and combo boxes: how each value reads (they are picked, never typed).
public final class ShownAs {
    private ShownAs() {
    }

    public static <T> StringConverter<T> text(Function<T, String> text) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return text.apply(value);
            }

            @Override
            public T fromString(String string) {
                throw new UnsupportedOperationException();
            }
        };
    }
}
