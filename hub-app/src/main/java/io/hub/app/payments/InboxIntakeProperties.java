package io.hub.app.payments;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code hub.payments.intake.*}: how verified webhook deliveries are written to the inbox ({@link InboxBatchWriter}).
 *
 * @param batchSize the most deliveries one inbox insert (one statement, one commit) carries; {@code 1} turns group commit
 *                  off: every delivery inserts its own row on its own request thread (the behaviour before group commit,
 *                  kept for comparison in {@code bench/run-webhook-bench.sh})
 * @param writers   writer threads; while one waits for its commit the next batch is already being written
 * @param timeout   how long a delivery waits for its batch's commit before it is answered 503 (the sender retries; the
 *                  row, if it did commit, makes the retry a duplicate no-op)
 */
@Validated
@ConfigurationProperties("hub.payments.intake")
public record InboxIntakeProperties(@DefaultValue("64") @Min(1) @Max(1000) int batchSize,
                                    @DefaultValue("2") @Min(1) @Max(16) int writers,
                                    @DefaultValue("10s") @NotNull Duration timeout) {
}
