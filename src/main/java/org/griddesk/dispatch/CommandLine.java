package org.griddesk.dispatch;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.griddesk.domain.district.Responsibility;
import org.griddesk.domain.org.Unit;
import org.griddesk.domain.taxonomy.Item;
import org.griddesk.domain.ticket.CallbackResult;
import org.griddesk.domain.ticket.Ticket;

/// The command bar's language: `verb ticket [arguments]`, in Chinese or English —
/// `派 2611-0042 城管`, `dispatch 0042 chengguan`, `延期 0042 3 需协调管线单位`, `合并 0043 0042`,
/// `吹哨 0042 水务 城管委`, `回访 0042 满意`, `定位 0042 金桥 2`, `移交 0042 咸水沽镇 不属本镇`,
/// `接收 0042`, `拒收 0042 不属本镇`, `报市 0042 涉及跨区管线 编号:SJ-2026-118`. Teams, departments and items match by name or pinyin
/// ([Pinyin]); a ticket by its whole code or the end of it.
public final class CommandLine {
    /// Every verb, Chinese and English, and the action it names. The first of each action is the
    /// one completion offers.
    static final Map<String, Action> VERBS = new LinkedHashMap<>();

    static {
        verbs(Action.ACCEPT_AND_DISPATCH, "派", "派单", "dispatch", "d");
        verbs(Action.ACCEPT, "受理", "accept");
        verbs(Action.WITHDRAW_DISPATCH, "撤销", "撤回", "undo", "withdraw");
        verbs(Action.WHISTLE, "吹哨", "whistle");
        verbs(Action.ESCALATE, "升级", "提级", "escalate");
        verbs(Action.REQUEST_EXTENSION, "延期", "extend");
        verbs(Action.APPROVE_EXTENSION, "批准", "approve");
        verbs(Action.REJECT_EXTENSION, "驳回", "deny");
        verbs(Action.MERGE, "合并", "merge");
        verbs(Action.URGE, "督办", "urge");
        verbs(Action.ANSWER, "答复", "answer");
        verbs(Action.REJECT, "不予受理", "reject");
        verbs(Action.VERIFY_PASS, "验收", "verify");
        verbs(Action.VERIFY_FAIL, "返工", "rework");
        verbs(Action.CALL_BACK, "回访", "callback");
        verbs(Action.CLOSE, "办结", "close");
        verbs(Action.REOPEN, "重办", "reopen");
        verbs(Action.CONTACT, "联系", "contact");
        verbs(Action.SIGN, "签收", "sign");
        verbs(Action.RETURN, "退单", "return");
        verbs(Action.CHECK_IN, "报到", "checkin");
        verbs(Action.REPORT_HANDLED, "反馈", "handled");
        verbs(Action.PLACE, "定位", "place");
        verbs(Action.TRANSFER, "移交", "transfer");
        verbs(Action.ACCEPT_TRANSFER, "接收", "接收移交", "take");
        verbs(Action.REFUSE_TRANSFER, "拒收", "refuse");
        verbs(Action.WITHDRAW_TRANSFER, "撤回移交", "withdraw");
        verbs(Action.CONFIRM_PLACE, "确认定位", "confirm");
        verbs(Action.REFER_CITY, "报市", "报请市级", "refer");
    }

    /// a city platform's reference number as typed: `编号:SJ-2026-118`, `ref:…`, `#…`
    private static final Pattern REFERENCE_NUMBER = Pattern.compile("(?:编号[:：]?|ref:|#)(\\S+)", Pattern.CASE_INSENSITIVE);

    private static void verbs(Action action, String... words) {
        for (String w : words) {
            VERBS.put(w, action);
        }
    }

    private CommandLine() {
    }

    /// A line read: the action, the ticket as typed, and the words after it. `error` is a message
    /// key when the line cannot be read (then the rest may be null).
    public record Parsed(Action action, String ticket, List<String> args, String error) {
        public boolean ok() {
            return error == null;
        }
    }

    public static Parsed parse(String line) {
        List<String> words = words(line);
        if (words.isEmpty()) {
            return new Parsed(null, null, List.of(), "command.empty");
        }
        Action action = VERBS.get(words.getFirst().toLowerCase(Locale.ROOT));
        if (action == null) {
            return new Parsed(null, null, List.of(), "command.unknownVerb");
        }
        if (words.size() < 2) {
            return new Parsed(action, null, List.of(), "command.noTicket");
        }
        return new Parsed(action, words.get(1), List.copyOf(words.subList(2, words.size())), null);
    }

    /// The ticket code a typed `0042` or `2611-0042` means, among `codes`: the whole code, else the
    /// one code ending in it (none when several do).
    public static Optional<String> ticketCode(String typed, List<String> codes) {
        String t = typed.strip();
        if (codes.contains(t)) {
            return Optional.of(t);
        }
        List<String> ending = codes.stream().filter(c -> c.endsWith(t.startsWith("-") ? t : "-" + t) || c.endsWith(t) && t.length() >= 4)
                .distinct().limit(2).toList();
        return ending.size() == 1 ? Optional.of(ending.getFirst()) : Optional.empty();
    }

    /// The form a parsed line fills, on top of the ticket's defaults; or the message key of what
    /// could not be matched (with the word).
    public record Filled(ActionInput input, String error, String word) {
        public boolean ok() {
            return error == null;
        }
    }

    public static Filled fill(Parsed p, Ticket ticket, ActionInput defaults, TicketActions actions) {
        Responsibility catalogue = actions.responsibility();
        List<String> args = p.args();
        String rest = String.join(" ", args);
        ActionInput in = defaults;
        switch (p.action().input()) {
            case TEAM -> {
                if (!rest.isBlank()) {
                    Optional<Unit> team = best(catalogue.teamsFor(ticket.ownerUnitId(), defaults.itemCode()), rest);
                    if (team.isEmpty()) {
                        return new Filled(null, "command.noTeam", rest);
                    }
                    in = in.withTeam(team.get().id());
                }
            }
            case DEPARTMENTS -> {
                if (!args.isEmpty()) {
                    List<String> ids = new ArrayList<>();
                    for (String word : args) {
                        Optional<Unit> d = best(catalogue.departmentsFor(defaults.itemCode()), word);
                        if (d.isEmpty()) {
                            return new Filled(null, "command.noTeam", word);
                        }
                        ids.add(d.get().id());
                    }
                    in = in.withDepartments(ids);
                }
            }
            case ITEM -> {
                if (!rest.isBlank()) {
                    Optional<Item> item = actions.items().stream().filter(i -> i.code().equals(rest.strip())).findFirst()
                            .or(() -> actions.items().stream().filter(i -> Pinyin.matches(i.name(), rest)).findFirst());
                    if (item.isEmpty()) {
                        return new Filled(null, "command.noItem", rest);
                    }
                    in = in.withItem(item.get().code(), TicketActions.policy(item.get(), false), item.get().consultation());
                }
            }
            case MASTER -> in = in.withMaster(args.isEmpty() ? null : args.getFirst());
            case DAYS -> {
                if (!args.isEmpty()) {
                    try {
                        in = in.withDays(Integer.parseInt(args.getFirst())).withText(String.join(" ", args.subList(1, args.size())));
                    } catch (NumberFormatException e) {
                        return new Filled(null, "command.noDays", args.getFirst());
                    }
                }
            }
            case CALLBACK -> {
                if (!args.isEmpty()) {
                    Optional<CallbackResult> result = callback(args.getFirst());
                    if (result.isEmpty()) {
                        return new Filled(null, "command.noCallback", args.getFirst());
                    }
                    in = in.withCallback(result.get()).withText(String.join(" ", args.subList(1, args.size())));
                }
            }
            case CITIZEN_INFORMED -> {
                // 批准 0042 已告知 …: the supervisor says the citizen was told
                boolean told = !args.isEmpty() && List.of("已告知", "told", "informed").contains(args.getFirst().toLowerCase(Locale.ROOT));
                in = in.withCitizenInformed(told).withText(String.join(" ", told ? args.subList(1, args.size()) : args));
            }
            case TEXT -> in = in.withText(rest);
            case NONE -> { }
            case GRID -> {
                if (!rest.isBlank()) {
                    Optional<GridDirectory.Grid> grid = actions.grids().best(rest);
                    if (grid.isEmpty()) {
                        return new Filled(null, "command.noGrid", rest);
                    }
                    in = in.withGrid(grid.get().code());
                }
            }
            case CENTRE -> {
                if (!args.isEmpty()) {
                    Optional<Unit> town = actions.towns().stream().filter(u -> u.id().equalsIgnoreCase(args.getFirst())
                            || Pinyin.matches(u.name(), args.getFirst())).findFirst();
                    if (town.isEmpty()) {
                        return new Filled(null, "command.noCentre", args.getFirst());
                    }
                    in = in.withCentre(town.get().id()).withText(String.join(" ", args.subList(1, args.size())));
                }
            }
            case REFERENCE -> {
                // 报市 0042 原因… 编号:SJ-2026-118 — the number is the word after 编号 (or ref, #)
                List<String> words = new ArrayList<>();
                String reference = "";
                for (String word : args) {
                    var number = REFERENCE_NUMBER.matcher(word);
                    if (number.matches()) {
                        reference = number.group(1);
                    } else {
                        words.add(word);
                    }
                }
                in = in.withText(String.join(" ", words)).withReference(reference);
            }
        }
        return new Filled(in, null, null);
    }

    /// The catalogue's choice among the teams that match (it comes first), else the first match.
    static Optional<Unit> best(List<Responsibility.Suggestion> options, String typed) {
        return options.stream().filter(s -> s.team().id().equalsIgnoreCase(typed.strip()) || Pinyin.matches(s.team().name(), typed))
                .map(Responsibility.Suggestion::team).findFirst();
    }

    static Optional<CallbackResult> callback(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        for (CallbackResult r : CallbackResult.values()) {
            if (r.zhName().equals(word) || r.name().toLowerCase(Locale.ROOT).equals(w)
                    || r.name().toLowerCase(Locale.ROOT).replace("_", "").equals(w)) {
                return Optional.of(r);
            }
        }
        return switch (w) {
            case "my" -> Optional.of(CallbackResult.SATISFIED);
            case "jbmy" -> Optional.of(CallbackResult.BASICALLY_SATISFIED);
            case "bmy" -> Optional.of(CallbackResult.DISSATISFIED);
            default -> Optional.empty();
        };
    }

    /// The words of a line (any run of spaces, full-width ones too, separates them).
    static List<String> words(String line) {
        String s = line == null ? "" : line.replace('\u3000', ' ').strip();
        return s.isEmpty() ? List.of() : List.of(s.split("\\s+"));
    }

    /// What completion offers for the word being typed at the end of `line`: whole lines to take.
    public interface Vocabulary {
        /// Open ticket codes with a short description, best first.
        List<String[]> tickets(String typed);

        /// The teams (or departments, or items) to offer after this action for this ticket.
        List<String> names(Action action, String ticketCode);
    }

    /// Up to `limit` completions of the line: each is the whole line with the last word completed
    /// and its label (`[line, label]`).
    public static List<String[]> complete(String line, Vocabulary vocabulary, int limit) {
        String text = line == null ? "" : line.replace('\u3000', ' ');
        List<String> words = words(text);
        boolean fresh = text.isEmpty() || text.endsWith(" ");
        int index = fresh ? words.size() : words.size() - 1;
        String typed = fresh ? "" : words.getLast();
        String head = String.join(" ", words.subList(0, index));
        String prefix = head.isEmpty() ? "" : head + " ";
        List<String[]> out = new ArrayList<>();
        if (index == 0) {
            Map<Action, String> first = new LinkedHashMap<>();
            VERBS.forEach((word, action) -> {
                if (word.toLowerCase(Locale.ROOT).startsWith(typed.toLowerCase(Locale.ROOT)) || Pinyin.matches(word, typed)) {
                    first.putIfAbsent(action, word);
                }
            });
            first.forEach((action, word) -> out.add(new String[] {word + " ", word + " — " + action.name().toLowerCase(Locale.ROOT)}));
        } else if (index == 1) {
            for (String[] t : vocabulary.tickets(typed)) {
                out.add(new String[] {prefix + t[0] + " ", t[0] + "  " + t[1]});
            }
        } else {
            Action action = VERBS.get(words.getFirst().toLowerCase(Locale.ROOT));
            if (action != null) {
                for (String name : vocabulary.names(action, words.get(1))) {
                    if (Pinyin.matches(name, typed)) {
                        out.add(new String[] {prefix + name + " ", name});
                    }
                }
            }
        }
        return out.size() > limit ? out.subList(0, limit) : out;
    }
}
