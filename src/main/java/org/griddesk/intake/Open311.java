package org.griddesk.intake;

import java.io.StringWriter;
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
import org.griddesk.domain.taxonomy.Category;
import org.griddesk.domain.taxonomy.Item;
import org.griddesk.domain.taxonomy.Taxonomy;

/// Open311 GeoReport v2 resources built from the taxonomy: the service list (groups are the
/// categories, services the items) and a service's definition, in JSON and in XML (the format the
/// specification requires). Errors take the specification's shape.
public final class Open311 {
    /// A response body and its content type.
    public record Body(String contentType, String text) {
    }

    private Open311() {
    }

    /// One service of the list, in the specification's field order.
    static Map<String, Object> service(Item item, Map<String, Category> categories) {
        Map<String, Object> s = new LinkedHashMap<>();
        String category = Optional.ofNullable(categories.get(item.categoryCode())).map(Category::name).orElse("");
        String subcategory = Optional.ofNullable(categories.get(item.subcategoryCode())).map(Category::name).orElse("");
        s.put("service_code", item.code());
        s.put("service_name", item.name());
        s.put("description", category + " / " + subcategory + " / " + item.name());
        s.put("metadata", false); // no item asks for attributes yet
        s.put("type", "realtime");
        s.put("keywords", subcategory);
        s.put("group", category);
        return s;
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

    private static Map<String, Category> byCode(Taxonomy taxonomy) {
        List<Category> all = new ArrayList<>(taxonomy.categories());
        all.addAll(taxonomy.subcategories());
        return all.stream().collect(Collectors.toMap(Category::code, Function.identity(), (a, b) -> a));
    }

    private static Body json(Object value) {
        try {
            return new Body("application/json; charset=utf-8", new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(value));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
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
                    if (!(field.getValue() instanceof List<?>)) {
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
