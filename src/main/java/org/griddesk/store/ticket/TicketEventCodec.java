package org.griddesk.store.ticket;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.griddesk.domain.ticket.Caller;
import org.griddesk.domain.ticket.Intake;
import org.griddesk.domain.ticket.TicketEvent;

/// Writes events to the trail's `event_type` and `details` (JSON) columns and reads them back.
///
/// The type is the event record's simple name (`Dispatched`); details hold the record's components.
/// Renaming an event record therefore needs a migration of old rows: event names are a stored format.
final class TicketEventCodec {
    private static final Map<String, Class<? extends TicketEvent>> TYPES = Arrays
            .stream(TicketEvent.class.getPermittedSubclasses())
            .map(c -> c.asSubclass(TicketEvent.class))
            .collect(Collectors.toUnmodifiableMap(Class::getSimpleName, Function.identity()));

    private final ObjectMapper json = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    /// one writer and one reader per event type, made once: a first start encodes 680,000 events,
    /// and a writer bound to its type skips the mapper's serializer lookup each time
    private final Map<Class<?>, ObjectWriter> writers = new ConcurrentHashMap<>();
    private final Map<Class<?>, ObjectReader> readers = new ConcurrentHashMap<>();

    String type(TicketEvent event) {
        return event.getClass().getSimpleName();
    }

    String encode(TicketEvent event) {
        try {
            if (event instanceof TicketEvent.Reported r && r.intake().caller() != null) {
                return encodeMasked(r);
            }
            return writers.computeIfAbsent(event.getClass(), json::writerFor).writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode " + type(event), e);
        }
    }

    /// A report without its caller in clear ([TrailCallers]): the trail is copied, exported and kept
    /// for years; the ticket row holds the caller sealed.
    private String encodeMasked(TicketEvent.Reported r) throws JsonProcessingException {
        JsonNode tree = json.valueToTree(r);
        TrailCallers.maskIn(tree);
        return json.writeValueAsString(tree);
    }

    static Intake withCaller(Intake i, Caller caller) {
        return new Intake(i.channel(), i.externalId(), i.summary(), i.gridCode(), i.reportedAt(), caller, i.place(), i.photos());
    }

    TicketEvent decode(String type, String details) {
        Class<? extends TicketEvent> cls = TYPES.get(type);
        if (cls == null) {
            throw new IllegalStateException("unknown event type in the trail: " + type);
        }
        try {
            return readers.computeIfAbsent(cls, json::readerFor).readValue(details);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot read a " + type + " event: " + e.getOriginalMessage(), e);
        }
    }
}
