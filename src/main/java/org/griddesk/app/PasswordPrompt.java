package org.griddesk.app;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/// Asks for passwords and codes on the terminal without echo, or, when no terminal is attached
/// (a script, a test), reads them one a line from standard input. Prompts go to the error stream so
/// that standard output holds only results; what is typed is never printed nor logged.
final class PasswordPrompt {
    private final PrintWriter prompts;
    private BufferedReader stdin;

    PasswordPrompt(PrintWriter prompts) {
        this.prompts = prompts;
    }

    /// A secret (a password): no echo on a terminal.
    char[] secret(String prompt) {
        Console console = System.console();
        if (console != null && console.isTerminal()) {
            char[] typed = console.readPassword("%s", prompt);
            if (typed == null) {
                throw new IllegalArgumentException("no input");
            }
            return typed;
        }
        return line(prompt).toCharArray();
    }

    /// A line that is not secret (a one-time code).
    String line(String prompt) {
        Console console = System.console();
        if (console != null && console.isTerminal()) {
            String typed = console.readLine("%s", prompt);
            if (typed == null) {
                throw new IllegalArgumentException("no input");
            }
            return typed.strip();
        }
        prompts.print(prompt);
        prompts.flush();
        try {
            if (stdin == null) {
                stdin = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            }
            String typed = stdin.readLine();
            if (typed == null) {
                throw new IllegalArgumentException("no input: standard input ended");
            }
            prompts.println();
            return typed;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
