package org.griddesk.onboard;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/// The problems found in a set of district files, in the order found.
final class Problems {
    private final List<Problem> found = new ArrayList<>();

    void add(Problem problem) {
        found.add(problem);
    }

    /// A problem with a file as a whole.
    void file(String file, String chinese, String english) {
        found.add(new Problem(file, 0, 0, null, chinese, english));
    }

    boolean isEmpty() {
        return found.isEmpty();
    }

    /// The problems file by file (in the order the files were read), each file's by line and column.
    List<Problem> list() {
        List<String> files = found.stream().map(Problem::file).distinct().toList();
        return found.stream().sorted(Comparator.comparingInt((Problem p) -> files.indexOf(p.file()))
                .thenComparingInt(Problem::line).thenComparingInt(Problem::column)).toList();
    }
}
