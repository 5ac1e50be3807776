package org.griddesk.intake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringWriter;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.griddesk.domain.calendar.WorkCalendar;
import org.griddesk.domain.taxonomy.Category;
import org.griddesk.domain.taxonomy.Item;
import org.griddesk.domain.taxonomy.Taxonomy;
import org.griddesk.store.ticket.IntakeRepository;

/// Open311 GeoReport v2 resources built from the taxonomy: the service list (groups are the
/// categories, services the items), a service's definition, and service requests, in JSON and in XML
/// (the format the specification requires). Errors take the specification's shape.
public final class Open311 {
    /// A response body and its content type.
    public record Body(String contentType, String text) {
    }

    private Open311() {
    }

    /// One service of the list, in the specification's field order.
    static Map<String, Object> service(Item item, Map<String, Category> categories) {
        Map<String, Object> s = new LinkedHashMap<>();
        String category = categoryName(item.categoryCode(), categories);
        String subcategory = categoryName(item.subcategoryCode(), categories);
        s.put("service_code", item.code());
        s.put("service_name", item.name());
        s.put("description", describe(item, categories));
        s.put("metadata", false); // no item asks for attributes yet
        s.put("type", "realtime");
        s.put("keywords", subcategory);
        s.put("group", category);
        return s;
    }

    /// A service as words: category / subcategory / item.
    private static String describe(Item item, Map<String, Category> categories) {
        return categoryName(item.categoryCode(), categories) + " / " + categoryName(item.subcategoryCode(), categories) + " / "
                + item.name();
    }

    private static String categoryName(String code, Map<String, Category> categories) {
        return Optional.ofNullable(categories.get(code)).map(Category::name).orElse("");
    }

    /// `GET services.{format}`.
    public static Body services(Taxonomy taxonomy, String format) {
        Map<String, Category> categories = byCode(taxonomy);
        List<Map<String, Object>> services = taxonomy.items().stream().map(i -> service(i, categories)).toList();
        return format.equals("xml") ? xml("services", "service", services) : json(services);
    }

    /// `GET services/{code}.{format}`, or empty for an unknown code.
    public static Optional<Body> definition(Taxonomy taxonomy, String code, String format) {
        return taxonomy.item(code).map(item -> {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("service_code", item.code());
            d.put("attributes", List.of());
            if (format.equals("xml")) {
                return xml(null, "service_definition", List.of(d));
            }
            return json(d);
        });
    }

    /// The specification's error list, with one error.
    public static Body error(int code, String description, String format) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("code", code);
        e.put("description", description);
        return format.equals("xml") ? xml("errors", "error", List.of(e)) : json(List.of(e));
    }

    /// Field errors as the specification's list, one error each.
    static Body errors(List<FieldError> errors, String format) {
        List<Map<String, Object>> list = errors.stream().map(e -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("code", 400);
            m.put("description", e.field() + ": " + e.en() + " / " + e.zh());
            return m;
        }).toList();
        return format.equals("xml") ? xml("errors", "error", list) : json(list);
    }

    private static final DateTimeFormatter W3 = DateTimeFormatter
            .ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX").withZone(WorkCalendar.ZONE);

    private static String w3(Instant at) {
        return at == null ? null : W3.format(at);
    }

    /// The answer to `POST requests`: the ticket code as `service_request_id`, at once (a repeat's:
    /// the first send's).
    static Body created(IntakeService.Accepted accepted, IntakeService service, String format) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("service_request_id", accepted.ticket().code());
        m.put("token", accepted.ticket().intake().externalId());
        m.put("service_notice", (accepted.alreadyThere() ? "已收到（重复提交）" : "已收到") + "，工单号 " + accepted.ticket().code()
                + (accepted.located()
                ? "，已转" + service.unitName(accepted.ticket().ownerUnitId()) + "受理" : "，待人工定位后受理"));
        m.put("account_id", null);
        return format.equals("xml") ? xml("service_requests", "request", List.of(m)) : json(List.of(m));
    }

    /// `GET tokens/{token}`.
    static Body token(String code, String token, String format) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("service_request_id", code);
        m.put("token", token);
        return format.equals("xml") ? xml("service_requests", "request", List.of(m)) : json(List.of(m));
    }

    /// Service requests, in the specification's field order. Our states map to `open` and `closed`
    /// (closed: 办结, 合并, 不予受理), with the state in words as `status_notes`. Nothing the citizen
    /// gave is shown (docs/api.md): `description` is the service's (category / subcategory / item),
    /// `address`, `lat` and `long` are the place of the grid the request was placed in
    /// ([GridPlaces]), `media_url` is left out. A request not yet classified has the empty
    /// `service_code` and `service_name`.
    static Body requests(List<IntakeRepository.RequestRow> rows, IntakeService service, String format) {
        Map<String, Category> categories = byCode(service.taxonomy());
        List<Map<String, Object>> list = rows.stream().map(r -> {
            Optional<Item> item = r.itemCode() == null ? Optional.empty() : service.taxonomy().item(r.itemCode());
            Optional<GridPlaces.Place> place = service.places().of(r.gridCode());
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("service_request_id", r.code());
            m.put("status", r.state().isTerminal() ? "closed" : "open");
            m.put("status_notes", r.state().zhName() + (r.assignedTeam() == null || r.state().isTerminal() ? ""
                    : "（" + service.unitName(r.assignedTeam()) + "）"));
            m.put("service_name", item.map(Item::name).orElse(r.itemCode() == null ? "" : r.itemCode()));
            m.put("service_code", r.itemCode() == null ? "" : r.itemCode());
            m.put("description", item.map(i -> describe(i, categories)).orElse(""));
            m.put("agency_responsible", r.assignedTeam() == null ? null : service.unitName(r.assignedTeam()));
            m.put("service_notice", null);
            m.put("requested_datetime", w3(r.reportedAt()));
            m.put("updated_datetime", w3(r.updatedAt()));
            m.put("expected_datetime", w3(r.dueAt()));
            m.put("address", place.map(GridPlaces.Place::name).orElse(null));
            m.put("address_id", null);
            m.put("zipcode", null);
            m.put("lat", place.map(GridPlaces.Place::lat).orElse(null));
            m.put("long", place.map(GridPlaces.Place::lon).orElse(null));
            m.put("media_url", null);
            return m;
        }).toList();
        return format.equals("xml") ? xml("service_requests", "request", list) : json(list);
    }

    private static Map<String, Category> byCode(Taxonomy taxonomy) {
        List<Category> all = new ArrayList<>(taxonomy.categories());
        all.addAll(taxonomy.subcategories());
        return all.stream().collect(Collectors.toMap(Category::code, Function.identity(), (a, b) -> a));
    }

    private static Body json(Object value) {
        try {
            return new Body("application/json; charset=utf-8", new ObjectMapper().writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /// `<root><element>…</element>…</root>` (or the single element as root when `root` is null), UTF-8.
    private static Body xml(String root, String element, List<Map<String, Object>> rows) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            xml.writeStartDocument("utf-8", "1.0");
            if (root != null) {
                xml.writeStartElement(root);
            }
            for (Map<String, Object> row : rows) {
                xml.writeStartElement(element);
                for (Map.Entry<String, Object> field : row.entrySet()) {
                    xml.writeStartElement(field.getKey());
                    if (field.getValue() != null && !(field.getValue() instanceof List<?>)) {
                        xml.writeCharacters(String.valueOf(field.getValue()));
                    }
                    xml.writeEndElement();
                }
                xml.writeEndElement();
            }
            if (root != null) {
                xml.writeEndElement();
            }
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
        return new Body("text/xml; charset=utf-8", out.toString());
    }
}
