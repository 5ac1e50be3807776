package org.griddesk.store.backup;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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
        Path plain = Files.createTempFile("griddesk-export-", ".sql");
        try {
            unpackChecked(zip, plain, storeUser);
        } finally {
            Files.deleteIfExists(plain);
        }
    }

    /// Unpacks the export's script to `plain` (UTF-8, without a byte-order mark) and checks that very
    /// file: what H2 then runs is what was checked, not another entry of the zip or a file changed
    /// meanwhile.
    public static void unpackChecked(Path zip, Path plain, String storeUser) throws Refused, IOException {
        try (ZipFile file = new ZipFile(zip.toFile())) {
            List<? extends ZipEntry> entries = file.stream().filter(e -> !e.isDirectory()).toList();
            if (entries.stream().anyMatch(e -> e.getName().endsWith(".mv.db"))) {
                throw new Refused("这是备份文件，不是导出文件：请用 griddesk db restore 恢复它", "it is a backup, not an export: restore it with griddesk db restore");
            }
            if (entries.size() != 1 || !entries.getFirst().getName().equals(ENTRY)) {
                throw new Refused("导出文件中应只有一个 " + ENTRY, "an export holds one file, " + ENTRY);
            }
            try (InputStream in = file.getInputStream(entries.getFirst())) {
                Files.copy(in, plain, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (ZipException e) {
            throw new Refused("不是 zip 文件，或已损坏、被截断：" + e.getMessage(), "not a zip, or damaged or cut short: " + e.getMessage());
        }
        try (Reader in = new BufferedReader(new InputStreamReader(Files.newInputStream(plain), StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)), 1 << 16)) {
            check(in, storeUser);
        } catch (CharacterCodingException e) {
            throw new Refused("脚本不是 UTF-8 文本（导出文件按 UTF-8 写出；是否被另存为其他编码，如 GBK？）",
                    "the script is not UTF-8 text (an export is written in UTF-8; was it saved in another encoding?)");
        }
        dropByteOrderMark(plain);
    }

    private static void dropByteOrderMark(Path plain) throws IOException {
        byte[] head = new byte[3];
        try (InputStream in = Files.newInputStream(plain)) {
            if (in.readNBytes(head, 0, 3) < 3 || (head[0] & 0xff) != 0xEF || (head[1] & 0xff) != 0xBB || (head[2] & 0xff) != 0xBF) {
                return;
            }
        }
        Path without = plain.resolveSibling(plain.getFileName() + ".nobom");
        try (InputStream in = Files.newInputStream(plain)) {
            in.skipNBytes(3);
            Files.copy(in, without, StandardCopyOption.REPLACE_EXISTING);
        }
        Files.move(without, plain, StandardCopyOption.REPLACE_EXISTING);
    }

    /// Splits the script into statements (outside quotes and comments) and checks each. Stricter
    /// than H2's own reading where that is safe: the comment forms H2's `SCRIPT` never writes (`//`,
    /// `/* */`, a carriage return) are refused, since H2 and this reader could disagree on where they
    /// end; rows hold values only (no parenthesis inside a row: no call); elsewhere a quoted name
    /// before a parenthesis must be a table's `"PUBLIC"."NAME"` (a quoted function name still calls
    /// the function).
    static void check(Reader reader, String storeUser) throws Refused, IOException {
        Chars in = new Chars(reader);
        Statement st = new Statement();
        int users = 0;
        if (in.peek() == '\uFEFF') {
            in.read();
        }
        for (int c = in.read(); c != -1; c = in.read()) {
            if (Character.isLetterOrDigit(c) || c == '_') {
                st.word.append((char) c);
                st.keep(c);
                continue;
            }
            st.endWord();
            if (c == '\'' || c == '"') { // a string or a quoted name; a doubled quote stays inside
                StringBuilder quoted = new StringBuilder().append((char) c);
                st.keep(c);
                while (true) {
                    int q = in.read();
                    if (q == -1) {
                        throw st.refused("在引号中结束：脚本被截断", "ends inside quotes: the script is cut short");
                    }
                    st.keep(q);
                    quoted.append((char) q);
                    if (q == c) {
                        if (in.peek() != c) {
                            break;
                        }
                        st.keep(in.read());
                        quoted.append((char) c);
                    }
                }
                st.token(c == '"' ? quoted.toString() : "'");
            } else if (c == '-' && in.peek() == '-') {
                while (c != -1 && c != '\n') {
                    if (c == '\r') {
                        throw st.refused("的注释中有回车符（导出文件不会有）", "has a carriage return in a comment (an export has none)");
                    }
                    c = in.read();
                }
                st.keep(' ');
            } else if (c == '\r' || c == '/' && (in.peek() == '/' || in.peek() == '*')) {
                throw st.refused("有导出文件不会有的注释或回车符", "has a comment form or carriage return an export never has");
            } else if (c == '$' && in.peek() == '$') {
                throw st.refused("含有程序源代码（$$ … $$）", "holds source code ($$ … $$)");
            } else if (c == ';') {
                String text = st.text();
                if (!text.isEmpty()) { // H2 writes an empty statement after its header comment
                    users += allowed(text, st.number, storeUser);
                }
                st = st.next(!text.isEmpty());
            } else if (c == '(') {
                st.open();
                st.keep(c);
            } else if (c == ')') {
                st.depth--;
                st.token(")");
                st.keep(c);
            } else {
                if (!Character.isWhitespace(c)) {
                    st.token(String.valueOf((char) c));
                }
                st.keep(c);
            }
        }
        st.endWord();
        if (!st.text().isEmpty()) {
            throw new Refused("脚本在第 " + st.number + " 条语句中间结束：被截断", "the script ends in the middle of statement " + st.number
                    + ": it is cut short");
        }
        long statements = st.number - 1;
        if (statements == 0 || users != 1) {
            throw new Refused("不是网格指挥台数据库的导出（" + statements + " 条语句，" + users + " 个账户）",
                    "not an export of a GridDesk store (" + statements + " statements, " + users + " accounts)");
        }
    }

    /// The statement being read: its head (to match), its last tokens, its parenthesis depth.
    private static final class Statement {
        final long number;
        final StringBuilder head = new StringBuilder();
        final StringBuilder word = new StringBuilder();
        final String[] last = new String[3];
        Boolean insert;
        int depth;

        Statement(long number) {
            this.number = number;
        }

        Statement() {
            this(1);
        }

        Statement next(boolean counted) {
            return new Statement(counted ? number + 1 : number);
        }

        void keep(int c) {
            if (head.length() < HEAD) {
                head.append((char) c);
            }
        }

        String text() {
            return head.toString().strip().replaceAll("\\s+", " ");
        }

        void endWord() throws Refused {
            if (word.isEmpty()) {
                return;
            }
            String w = word.toString().toUpperCase(Locale.ROOT);
            word.setLength(0);
            if (FORBIDDEN_WORDS.contains(w)) {
                throw refused("使用 " + w + "（会读写文件、连接其他数据库或加载 Java 类）", "uses " + w
                        + ", which reaches files, other databases or Java classes");
            }
            token(w);
        }

        void token(String t) {
            if (insert == null) {
                insert = t.equals("INSERT");
            }
            last[2] = last[1];
            last[1] = last[0];
            last[0] = t;
        }

        void open() throws Refused {
            if (Boolean.TRUE.equals(insert)) {
                if (depth > 0 || !("VALUES".equals(last[0]) || ",".equals(last[0]))) {
                    throw refused("的一行数据中有表达式或函数调用（导出文件的数据只有值）", "has an expression or a call in a row (an export's rows hold values only)");
                }
            } else if (last[0] != null && last[0].startsWith("\"") && !(".".equals(last[1]) && "\"PUBLIC\"".equals(last[2]))) {
                throw refused("调用了 " + last[0] + "（带引号的函数名也会被调用）", "calls " + last[0] + " (a quoted function name is still called)");
            }
            depth++;
            token("(");
        }

        Refused refused(String zh, String en) {
            return new Refused("第 " + number + " 条语句" + zh, "statement " + number + " " + en);
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
