package io.hub.app.ledger;

import java.util.List;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Creates the system accounts (house, clearing, adjustment shards) of the usual currencies once at start-up, after
 * the migrations, so that no money transaction has to create one under load.
 */
@Component
class SystemAccountsAtStartup implements SmartInitializingSingleton {
    private final AccountDirectory accounts;
    private final List<String> currencies;

    SystemAccountsAtStartup(AccountDirectory accounts, @Value("${hub.ledger.precreate-currencies:EUR,USD,GBP}") List<String> currencies) {
        this.accounts = accounts;
        this.currencies = currencies;
    }

    @Override
    public void afterSingletonsInstantiated() {
        accounts.precreate(currencies);
    }
}
