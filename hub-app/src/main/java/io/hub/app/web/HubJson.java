package io.hub.app.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The hub's own Jackson 2 mapper, used by the ledger, the lobby and the events (Spring MVC keeps its Jackson 3
 * mapper; see reference/stack.md). Floats are read as {@link java.math.BigDecimal} so that no amount ever passes
 * through a double; numbers longer than 100 characters and documents nested deeper than 32 are refused. Both mappers
 * refuse a repeated key ({@code {"amount":"1.00","amount":"2.00"}}): RFC 8259 §4 leaves its meaning to the parser,
 * and a body that means one amount to one reader and another to the next is not one the hub acts on.
 */
@Configuration(proxyBeanMethods = false)
public class HubJson {
    @Bean
    public ObjectMapper hubObjectMapper() {
        ObjectMapper m = new ObjectMapper();
        m.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNumberLength(100).maxNestingDepth(32)
                .maxStringLength(64 * 1024).build());
        m.registerModule(new JavaTimeModule());
        m.disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        m.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
        m.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        m.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        return m;
    }

    /** Spring MVC's Jackson 3 mapper (request bodies): a repeated key is a 400 {@code INVALID_MESSAGE}, not "last one wins". */
    @Bean
    public JsonMapperBuilderCustomizer strictDuplicateKeys() {
        return b -> b.enable(tools.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION);
    }
}
