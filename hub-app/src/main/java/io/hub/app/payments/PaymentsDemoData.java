package io.hub.app.payments;

import io.hub.app.player.UserDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** Demo data of the default run: the {@code demo} player is KYC-APPROVED (after the operator module's demo data created it). */
@Component
@ConditionalOnProperty(name = "hub.demo.enabled", havingValue = "true")
public class PaymentsDemoData {
    private static final Logger log = LoggerFactory.getLogger(PaymentsDemoData.class);
    private final UserDirectory users;
    private final KycService kyc;
    private final TransactionTemplate tx;

    public PaymentsDemoData(UserDirectory users, KycService kyc, TransactionTemplate tx) {
        this.users = users;
        this.kyc = kyc;
        this.tx = tx;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void approveDemoPlayer() {
        users.byUsername("demo").ifPresent(demo -> {
            tx.executeWithoutResult(s -> kyc.set(demo.id(), "APPROVED", "demo", "demo-applicant-" + demo.id()));
            log.info("demo data: player demo is KYC-approved");
        });
    }
}
