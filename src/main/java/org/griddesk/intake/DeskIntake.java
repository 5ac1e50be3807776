package org.griddesk.intake;

import java.text.Normalizer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.griddesk.domain.org.Actor;
import org.griddesk.domain.org.Permission;
import org.griddesk.domain.org.Permissions;
import org.griddesk.domain.ticket.Caller;
import org.griddesk.domain.ticket.Channel;
import org.griddesk.domain.ticket.DuplicateSuggestion;
import org.griddesk.domain.ticket.Intake;
import org.griddesk.domain.ticket.IntakeDetail;
import org.griddesk.domain.ticket.Place;
import org.griddesk.domain.ticket.TicketState;
import org.griddesk.domain.ticket.TransitionRefused;
import org.griddesk.store.ticket.StaleTicketException;

/// Entry at the desk (席位录入): a phone call or a walk-in typed in by a dispatcher or supervisor of a
/// centre goes through the same [IntakeService] as every channel, as [Channel#DESK], with the person
/// as its taker (the trail's reporter) and their centre as its owner (首问首办). Who may is decided
/// here ([Permission#DESK_ENTRY], acting for a centre); bad input is refused field by field and
/// nothing is written. Also what the form shows while the person types: the duplicate candidates.
public final class DeskIntake {
    public static final int MIN_CONTENT = 4;
    public static final int MAX_CONTENT = HotlineOrder.MAX_CONTENT;
    private static final Pattern PHONE_SEPARATORS = Pattern.compile("[\\s\\-()（）]");
    private static final Pattern PHONE = Pattern.compile("\\d{5,20}");

    private final IntakeService service;
    private final Clock clock;

    public DeskIntake(IntakeService service, Clock clock) {
        this.service = service;
        this.clock = clock;
    }

    /// Whether someone acting as `actor` may enter tickets at a desk: a centre's dispatcher or
    /// supervisor; never a team's handler, the wall or an administrator.
    public static boolean mayTake(Actor actor) {
        return actor != null && Permissions.allows(actor.role(), Permission.DESK_ENTRY) && actor.unit().isCentre();
    }

    /// What is wrong with the entry, one error per field (named in words); empty when it may be taken.
    public List<FieldError> check(DeskEntry entry) {
        List<FieldError> errors = new ArrayList<>();
        String phone = phoneDigits(entry.callerPhone());
        String name = strip(entry.callerName());
        if (!Fields.storable(nullToEmpty(entry.callerName()))) {
            errors.add(new FieldError("callerName", "姓名含有无效字符", "the name holds invalid characters"));
        } else if (name.length() > Caller.MAX_NAME) {
            errors.add(new FieldError("callerName", "姓名最多 " + Caller.MAX_NAME + " 个字", "the name has at most " + Caller.MAX_NAME + " characters"));
        }
        if (phone.isEmpty() && entry.arrival() == DeskEntry.Arrival.PHONE) {
            errors.add(new FieldError("callerPhone", "请填写来电号码", "enter the number the call came from"));
        } else if (phone.isEmpty() && !name.isEmpty()) {
            errors.add(new FieldError("callerPhone", "留下姓名的来访人请填写联系电话", "a visitor who gives a name needs a phone to be called back"));
        } else if (!phone.isEmpty() && !PHONE.matcher(phone).matches()) {
            errors.add(new FieldError("callerPhone", "联系电话应为 5 到 20 位数字（可带空格、- 或 +86）",
                    "the phone is 5 to 20 digits (spaces, - or +86 allowed)"));
        }
        String address = strip(entry.address());
        if (!Fields.storable(nullToEmpty(entry.address()))) {
            errors.add(new FieldError("address", "地址含有无效字符", "the address holds invalid characters"));
        } else if (address.length() > Place.MAX_ADDRESS) {
            errors.add(new FieldError("address", "地址最多 " + Place.MAX_ADDRESS + " 个字", "the address has at most " + Place.MAX_ADDRESS + " characters"));
        }
        if (entry.gridCode() != null && !service.knowsGrid(entry.gridCode())) {
            errors.add(new FieldError("place", "所选网格 " + entry.gridCode() + " 不在本区", "grid " + entry.gridCode() + " is not in the district"));
        }
        if ((entry.lon() == null) != (entry.lat() == null) || entry.lon() != null && pointOutside(entry.lon(), entry.lat())) {
            errors.add(new FieldError("place", "地图选点不在本区的网格内，请重新选点", "the point picked on the map is in none of the district's grids: pick again"));
        }
        String content = strip(entry.content());
        if (!Fields.storable(nullToEmpty(entry.content()))) {
            errors.add(new FieldError("content", "诉求内容含有无效字符", "the request holds invalid characters"));
        } else if (content.codePointCount(0, content.length()) < MIN_CONTENT) {
            errors.add(new FieldError("content", "请写清诉求内容（至少 " + MIN_CONTENT + " 个字）",
                    "write what the request is about (at least " + MIN_CONTENT + " characters)"));
        } else if (content.codePointCount(0, content.length()) > MAX_CONTENT) {
            errors.add(new FieldError("content", "诉求内容最多 " + MAX_CONTENT + " 个字", "the request has at most " + MAX_CONTENT + " characters"));
        }
        if (entry.itemCode() != null && !service.knowsItem(entry.itemCode())) {
            errors.add(new FieldError("item", "事项 " + entry.itemCode() + " 不在事项目录中", "item " + entry.itemCode() + " is not in the catalogue"));
        }
        if (entry.entryId() == null || !entry.entryId().matches("[A-Za-z0-9]{6,40}")) {
            errors.add(new FieldError("entryId", "录入单号无效", "the entry's number is invalid"));
        }
        return List.copyOf(errors);
    }

    private boolean pointOutside(double lon, double lat) {
        try {
            return service.gridOf(new Intake(Channel.DESK, null, "-", null, clock.instant(), null, new Place(null, lon, lat))).isEmpty();
        } catch (IllegalArgumentException notAPoint) {
            return true;
        }
    }

    /// Takes the entry as `taker`: a new ticket in the taker's centre's queue (or, for the same
    /// entry taken before, that ticket again). Throws [DeskEntryRefused] when the person may not,
    /// or when a field is wrong; nothing is written then.
    public IntakeService.Accepted take(Actor taker, DeskEntry entry) {
        if (!mayTake(taker)) {
            throw new DeskEntryRefused(List.of(new FieldError("taker",
                    "只有中心的调度员和值班长可以席位录入（" + (taker == null ? "未登录" : taker.name()) + "不能）",
                    "only a centre's dispatchers and supervisors enter tickets at the desk")));
        }
        List<FieldError> errors = check(entry);
        if (!errors.isEmpty()) {
            throw new DeskEntryRefused(errors);
        }
        IntakeDetail hints = new IntakeDetail(null, entry.itemCode(), null, entry.urgent());
        return service.accept(new IntakeService.Request(intake(entry), null, hints, null, null, null, taker));
    }

    /// What became of an entry merged into a duplicate candidate: the ticket it was taken as and
    /// whether it was merged; when not, why in Chinese and English (the new ticket stays in the
    /// queue as it is).
    public record MergeOutcome(IntakeService.Accepted taken, boolean merged, String whyZh, String whyEn) {
    }

    /// Takes the entry as [#take] does (the caller's request is recorded whatever follows), then
    /// merges its ticket into the candidate `masterId` with the lifecycle's merge as `taker`: the
    /// rules decide who may. A merge they refuse (the candidate closed meanwhile, say) keeps the new
    /// ticket and says why; the same form merged again finds its ticket merged already.
    public MergeOutcome takeInto(Actor taker, DeskEntry entry, long masterId) {
        IntakeService.Accepted taken = take(taker, entry);
        if (taken.ticket().state() == TicketState.MERGED) {
            return new MergeOutcome(taken, true, null, null);
        }
        try {
            service.merge(taken.ticket().id(), masterId, taker);
            return new MergeOutcome(taken, true, null, null);
        } catch (TransitionRefused refused) {
            return new MergeOutcome(taken, false, refused.message(Locale.SIMPLIFIED_CHINESE), refused.message(Locale.ENGLISH));
        } catch (StaleTicketException stale) { // someone acted on the new ticket first: it stays theirs
            return new MergeOutcome(taken, false, stale.message(Locale.SIMPLIFIED_CHINESE), stale.message(Locale.ENGLISH));
        }
    }

    /// The open tickets the entry as typed so far may repeat, best first (none while the content is
    /// too short to compare and no phone is typed). Nothing is written.
    public List<DuplicateSuggestion> candidates(DeskEntry draft) {
        String content = strip(draft.content());
        String phone = phoneDigits(draft.callerPhone());
        boolean phoneUsable = PHONE.matcher(phone).matches();
        if (content.codePointCount(0, content.length()) < 2 && !phoneUsable) {
            return List.of();
        }
        Caller caller = phoneUsable ? new Caller(fit(strip(draft.callerName()), Caller.MAX_NAME), phone) : null;
        Place place = place(fit(strip(draft.address()), Place.MAX_ADDRESS), draft.lon(), draft.lat());
        Intake intake = new Intake(Channel.DESK, null, content.isEmpty() ? "-" : fit(content, MAX_CONTENT),
                draft.gridCode() != null && service.knowsGrid(draft.gridCode()) ? draft.gridCode() : null, clock.instant(), caller, place);
        return service.duplicatesOf(intake, new IntakeDetail(null, draft.itemCode() != null && service.knowsItem(draft.itemCode())
                ? draft.itemCode() : null, null, draft.urgent()));
    }

    /// The grid an entry would land in (its picked grid, its point's, or its address's), if any.
    public Optional<String> gridOf(DeskEntry entry) {
        if (entry.gridCode() != null) {
            return service.knowsGrid(entry.gridCode()) ? Optional.of(entry.gridCode()) : Optional.empty();
        }
        Place place = place(fit(strip(entry.address()), Place.MAX_ADDRESS), entry.lon(), entry.lat());
        return place == null ? Optional.empty()
                : service.gridOf(new Intake(Channel.DESK, null, "-", null, clock.instant(), null, place));
    }

    private Intake intake(DeskEntry e) {
        String phone = phoneDigits(e.callerPhone());
        Caller caller = phone.isEmpty() ? null : new Caller(strip(e.callerName()), phone);
        return new Intake(Channel.DESK, e.externalId(), strip(e.content()), e.gridCode(), clock.instant(), caller,
                place(strip(e.address()), e.lon(), e.lat()));
    }

    private static Place place(String address, Double lon, Double lat) {
        boolean point = lon != null && lat != null && Double.isFinite(lon) && Double.isFinite(lat) && Math.abs(lon) <= 180 && Math.abs(lat) <= 90;
        if (address.isEmpty() && !point) {
            return null;
        }
        return new Place(address, point ? lon : null, point ? lat : null);
    }

    /// The digits of a phone as typed: full-width digits as ASCII, spaces, dashes and brackets dropped,
    /// and a leading +86 or 0086.
    static String phoneDigits(String typed) {
        String s = PHONE_SEPARATORS.matcher(Normalizer.normalize(nullToEmpty(typed), Normalizer.Form.NFKC)).replaceAll("");
        if (s.startsWith("+86")) {
            s = s.substring(3);
        } else if (s.startsWith("0086")) {
            s = s.substring(4);
        }
        return s;
    }

    private static String strip(String s) {
        return s == null ? "" : s.strip();
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    private static String fit(String s, int max) {
        return s.length() > max ? s.substring(0, max) : s;
    }
}
