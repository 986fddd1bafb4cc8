package io.hub.app.operator;

import io.hub.app.player.UserDirectory;
import io.hub.app.player.UsernameTakenException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Demo data for the default run ({@code hub.demo.enabled=true}): player {@code demo}/{@code demo} with 1,000.00 EUR
 * (one ADJUSTMENT credited once, idempotency key {@code demo-seed-demo}) and operator {@code operator}/{@code operator}.
 * Safe on every restart.
 */
@Component
@ConditionalOnProperty(name = "hub.demo.enabled", havingValue = "true")
public class DemoData implements ApplicationRunner {
    private static final Logger log = LoggerFactory.getLogger(DemoData.class);
    private final UserDirectory users;
    private final OperatorService operator;

    public DemoData(UserDirectory users, OperatorService operator) {
        this.users = users;
        this.operator = operator;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (users.byUsername("operator").isEmpty()) {
            try {
                users.createOperator("operator", "operator");
            } catch (UsernameTakenException ignored) {
                // another node created it
            }
        }
        var demo = users.byUsername("demo").orElseGet(() -> {
            try {
                return users.createPlayer("demo", "demo", "EUR", null);
            } catch (UsernameTakenException e) {
                return users.byUsername("demo").orElseThrow();
            }
        });
        operator.adjust("demo-data", demo.id(), OperatorService.Direction.CREDIT, "1000.00", "demo funding", "demo-seed-demo");
        log.info("demo data: player demo/demo (EUR), operator operator/operator");
    }
}
