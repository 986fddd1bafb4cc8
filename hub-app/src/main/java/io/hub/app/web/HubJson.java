package io.hub.app.web;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The hub's own Jackson 2 mapper, used by the ledger, the lobby and the events (Spring MVC keeps its Jackson 3
 * mapper; see reference/stack.md). Floats are read as {@link java.math.BigDecimal} so that no amount ever passes
 * through a double; numbers longer than 100 characters and documents nested deeper than 32 are refused.
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
        return m;
    }
}
