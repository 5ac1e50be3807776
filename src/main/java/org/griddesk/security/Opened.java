package org.griddesk.security;

/// What reading a sealed column gives: the text, nothing (the column is empty), or a value that
/// cannot be shown, and why. A desk tells "no key" apart from "no data" by it.
public sealed interface Opened permits Opened.Text, Opened.Absent, Opened.Unreadable {
    /// Why a value cannot be shown.
    enum Why {
        /// this desk has no data key (the key file was not copied here)
        NO_KEY,
        /// the value was sealed with a key this desk does not hold
        UNKNOWN_KEY,
        /// the value does not open: changed, moved to another column, or damaged
        DAMAGED
    }

    record Text(String text) implements Opened {
        @Override
        public String toString() {
            return "Text[…]"; // never the value: it is personal data
        }
    }

    record Absent() implements Opened {
    }

    record Unreadable(Why why) implements Opened {
    }

    Absent ABSENT = new Absent();

    default boolean readable() {
        return !(this instanceof Unreadable);
    }

    /// The text, or null when absent or unreadable.
    default String textOrNull() {
        return this instanceof Text t ? t.text() : null;
    }
}
