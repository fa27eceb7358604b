package dev.plumbline.events.kafka;

import dev.plumbline.events.PlumblineEvent;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Headers;

/**
 * CloudEvents attributes of a Plumbline event as Kafka headers, in the CloudEvents Kafka binding's binary mode:
 * the record value is the event's JSON and each attribute is a {@code ce_} header, so that tools route and filter
 * on headers without parsing values.
 */
public final class CloudEventHeaders {

    public static final String SPEC_VERSION = "ce_specversion";
    public static final String ID = "ce_id";
    public static final String TYPE = "ce_type";
    public static final String SOURCE = "ce_source";
    /** The app, where there is one. */
    public static final String SUBJECT = "ce_subject";

    public static final String TIME = "ce_time";
    public static final String CONTENT_TYPE = "content-type";
    public static final String CORRELATION_ID = "plumbline_correlation_id";

    public static final String CLOUDEVENTS_VERSION = "1.0";
    public static final String JSON = "application/json";

    private CloudEventHeaders() {}

    /** Sets every header for this event, replacing any already present (a record serialized again on retry). */
    public static void write(Headers headers, PlumblineEvent event) {
        set(headers, SPEC_VERSION, CLOUDEVENTS_VERSION);
        set(headers, ID, event.eventId());
        set(headers, TYPE, event.type().typeName());
        set(headers, SOURCE, event.source());
        set(headers, SUBJECT, event.app());
        set(headers, TIME, event.time().toString());
        set(headers, CONTENT_TYPE, JSON);
        set(headers, CORRELATION_ID, event.correlationId());
    }

    /** The value of a header as text; null when absent. */
    public static String read(Headers headers, String name) {
        var header = headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static void set(Headers headers, String name, String value) {
        headers.remove(name);
        if (value != null) {
            headers.add(name, value.getBytes(StandardCharsets.UTF_8));
        }
    }
}
