package org.griddesk.store.backup;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/// An export read before H2 runs it: an export is a SQL script, and a script can do anything the
/// store's account may — call a Java method, write a file, add an account, drop a table. This reads
/// the whole script as strict UTF-8 and lets through only what H2's `SCRIPT` writes for a store:
/// the store's own account, sequences, tables, rows, constraints, indexes and GridDesk's triggers,
/// with no call of a function that reaches files or other databases. Anything else is refused,
/// naming the first statement that is not allowed, before a byte of it has run.
public final class ExportScript {
    /// the script inside an export's zip, as H2's `SCRIPT … COMPRESSION ZIP` names it
    static final String ENTRY = "script.sql";
    private static final List<Pattern> ALLOWED = List.of(
            Pattern.compile("^CREATE USER IF NOT EXISTS \"([^\"]+)\" SALT '[0-9A-Fa-f]+' HASH '[0-9A-Fa-f]+' ADMIN$"),
            Pattern.compile("^CREATE SEQUENCE \"PUBLIC\"\\.\"[^\"]+\" .*"),
            Pattern.compile("^CREATE (CACHED |MEMORY )?TABLE \"PUBLIC\"\\.\"[^\"]+\"\\(.*"),
            Pattern.compile("^ALTER TABLE \"PUBLIC\"\\.\"[^\"]+\" ADD CONSTRAINT .*"),
            Pattern.compile("^CREATE (UNIQUE (NULLS (NOT )?DISTINCT )?)?INDEX \"PUBLIC\"\\.\"[^\"]+\" ON \"PUBLIC\"\\.\"[^\"]+\"\\(.*"),
            Pattern.compile("^INSERT INTO \"PUBLIC\"\\.\"[^\"]+\" VALUES.*"),
            Pattern.compile("^CREATE FORCE TRIGGER \"PUBLIC\"\\.\"[^\"]+\" (BEFORE|AFTER) [A-Z, ]+ ON \"PUBLIC\"\\.\"[^\"]+\" "
                    + "FOR EACH ROW QUEUE \\d+ CALL '(org\\.griddesk\\.store\\.AppendOnlyTrigger|org\\.griddesk\\.store\\.security\\.AuditGuardTrigger)'$"));
    /// how much of a statement is kept to match it: enough for every allowed form's head
    private static final int HEAD = 600;
    /// words no statement of an export has outside quotes (H2 quotes every name it writes): the file
    /// functions, and a table ENGINE (a Java class H2 would load)
    private static final java.util.Set<String> FORBIDDEN_WORDS = java.util.Set.of("FILE_READ", "FILE_WRITE", "CSVREAD",
            "CSVWRITE", "LINK_SCHEMA", "ENGINE");

    /// The script is not one to run: why, in Chinese and English.
    public static final class Refused extends Exception {
        private final String zh;

        Refused(String zh, String en) {
            super(en);
            this.zh = zh;
        }

        public String zh() {
            return zh;
        }
    }

    private ExportScript() {
    }

    /// Reads the export `zip` through; refuses it when it is not an export or holds anything not allowed.
    public static void check(Path zip, String storeUser) throws Refused, IOException {
        try (ZipFile file = new ZipFile(zip.toFile())) {
            List<? extends ZipEntry> entries = file.stream().filter(e -> !e.isDirectory()).toList();
            if (entries.stream().anyMatch(e -> e.getName().endsWith(".mv.db"))) {
                throw new Refused("这是备份文件，不是导出文件：请用 griddesk db restore 恢复它", "it is a backup, not an export: restore it with griddesk db restore");
            }
            if (entries.size() != 1 || !entries.getFirst().getName().equals(ENTRY)) {
                throw new Refused("导出文件中应只有一个 " + ENTRY, "an export holds one file, " + ENTRY);
            }
            try (InputStream in = file.getInputStream(entries.getFirst())) {
                check(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)), 1 << 16), storeUser);
            } catch (CharacterCodingException e) {
                throw new Refused("脚本不是 UTF-8 文本（导出文件按 UTF-8 写出；是否被另存为其他编码，如 GBK？）",
                        "the script is not UTF-8 text (an export is written in UTF-8; was it saved in another encoding?)");
            }
        } catch (ZipException e) {
            throw new Refused("不是 zip 文件，或已损坏、被截断：" + e.getMessage(), "not a zip, or damaged or cut short: " + e.getMessage());
        }
    }

    /// Splits the script into statements (outside quotes and comments) and checks each.
    static void check(Reader reader, String storeUser) throws Refused, IOException {
        Chars in = new Chars(reader);
        StringBuilder head = new StringBuilder();
        StringBuilder word = new StringBuilder();
        long statement = 0;
        int users = 0;
        if (in.peek() == '\uFEFF') {
            in.read();
        }
        for (int c = in.read(); c != -1; c = in.read()) {
            if (c == '\'' || c == '"') { // a string or a quoted name; a doubled quote stays inside
                forbidden(word, statement);
                keep(head, c);
                while (true) {
                    int q = in.read();
                    if (q == -1) {
                        throw new Refused("第 " + (statement + 1) + " 条语句在引号中结束：脚本被截断", "statement " + (statement + 1) + " ends inside quotes: the script is cut short");
                    }
                    keep(head, q);
                    if (q == c) {
                        if (in.peek() != c) {
                            break;
                        }
                        keep(head, in.read());
                    }
                }
            } else if (c == '-' && in.peek() == '-') {
                forbidden(word, statement);
                while (c != -1 && c != '\n') {
                    c = in.read();
                }
                keep(head, ' ');
            } else if (c == '/' && in.peek() == '*') {
                forbidden(word, statement);
                in.read();
                int before = 0;
                for (c = in.read(); c != -1 && !(before == '*' && c == '/'); c = in.read()) {
                    before = c;
                }
                keep(head, ' ');
            } else if (c == '$' && in.peek() == '$') {
                throw new Refused("第 " + (statement + 1) + " 条语句含有程序源代码（$$ … $$）", "statement " + (statement + 1) + " holds source code ($$ … $$)");
            } else if (Character.isLetterOrDigit(c) || c == '_') {
                word.append((char) c);
                keep(head, c);
            } else {
                forbidden(word, statement);
                if (c == ';') {
                    String text = head.toString().strip().replaceAll("\\s+", " ");
                    if (!text.isEmpty()) { // H2 writes an empty statement after its header comment
                        statement++;
                        users += allowed(text, statement, storeUser);
                    }
                    head.setLength(0);
                } else {
                    keep(head, c);
                }
            }
        }
        forbidden(word, statement);
        if (!head.toString().isBlank()) {
            throw new Refused("脚本在第 " + (statement + 1) + " 条语句中间结束：被截断", "the script ends in the middle of statement " + (statement + 1) + ": it is cut short");
        }
        if (statement == 0 || users != 1) {
            throw new Refused("不是网格指挥台数据库的导出（" + statement + " 条语句，" + users + " 个账户）",
                    "not an export of a GridDesk store (" + statement + " statements, " + users + " accounts)");
        }
    }

    /// Characters with one of look-ahead.
    private static final class Chars {
        private final Reader in;
        private int ahead = -2;

        Chars(Reader in) {
            this.in = in;
        }

        int read() throws IOException {
            if (ahead != -2) {
                int c = ahead;
                ahead = -2;
                return c;
            }
            return in.read();
        }

        int peek() throws IOException {
            if (ahead == -2) {
                ahead = in.read();
            }
            return ahead;
        }
    }

    private static void keep(StringBuilder head, int c) {
        if (head.length() < HEAD) {
            head.append((char) c);
        }
    }

    private static void forbidden(StringBuilder word, long statement) throws Refused {
        if (!word.isEmpty()) {
            String w = word.toString().toUpperCase(Locale.ROOT);
            word.setLength(0);
            if (FORBIDDEN_WORDS.contains(w)) {
                throw new Refused("第 " + (statement + 1) + " 条语句使用 " + w + "（会读写文件、连接其他数据库或加载 Java 类）",
                        "statement " + (statement + 1) + " uses " + w + ", which reaches files, other databases or Java classes");
            }
        }
    }

    /// 1 for the store's account, 0 for another allowed statement; refused otherwise.
    private static int allowed(String text, long statement, String storeUser) throws Refused {
        for (Pattern p : ALLOWED) {
            var m = p.matcher(text);
            if (m.matches()) {
                if (p == ALLOWED.getFirst()) {
                    if (!m.group(1).equalsIgnoreCase(storeUser)) {
                        throw new Refused("第 " + statement + " 条语句创建账户 " + m.group(1) + "，不是本数据库的账户",
                                "statement " + statement + " creates the account " + m.group(1) + ", not the store's");
                    }
                    return 1;
                }
                return 0;
            }
        }
        String shown = text.length() > 80 ? text.substring(0, 80) + "…" : text;
        throw new Refused("第 " + statement + " 条语句不是导出文件应有的语句：" + shown, "statement " + statement + " is not one an export holds: " + shown);
    }
}
