package io.hub.app.routing;

import java.util.Map;
import org.apache.kafka.clients.producer.ProducerInterceptor;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * Names the content type header of outgoing records {@code content-type}, as the CloudEvents Kafka protocol binding
 * requires (Kafka header names are case-sensitive). Camel's case-insensitive message headers turn a
 * {@code content-type} header into {@code Content-Type}, which a CloudEvents consumer does not read.
 */
public class CloudEventsContentTypeInterceptor implements ProducerInterceptor<Object, Object> {
    static final String CAMEL_NAME = "Content-Type";
    static final String CLOUDEVENTS_NAME = "content-type";

    @Override
    public ProducerRecord<Object, Object> onSend(ProducerRecord<Object, Object> record) {
        Headers headers = record.headers();
        Header camel = headers.lastHeader(CAMEL_NAME);
        if (camel != null) {
            headers.remove(CAMEL_NAME);
            headers.add(CLOUDEVENTS_NAME, camel.value());
        }
        return record;
    }

    @Override
    public void onAcknowledgement(RecordMetadata metadata, Exception exception) {
    }

    @Override
    public void close() {
    }

    @Override
    public void configure(Map<String, ?> configs) {
    }
}
