package io.hub.app.payments;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code hub.payments.*}.
 *
 * @param defaultGateway          the gateway a deposit or withdrawal uses when the request names none
 * @param tolerance               webhook timestamp tolerance, both sides (payments.md §1.1, §7 #7); default 300 s
 * @param gateways                payment gateways by id (the {@code {gatewayId}} of {@code /webhooks/payments/{gatewayId}})
 * @param kycVendors              KYC vendors by id (the {@code {vendorId}} of {@code /webhooks/kyc/{vendorId}})
 * @param kyc                     KYC policy
 * @param aml                     AML withdrawal limits per jurisdiction code (e.g. {@code EU}, {@code UK})
 * @param inbox                   inbox processing
 * @param gatewayCall             outbound gateway calls
 * @param withdrawalHoldTimeout   how long a withdrawal's pending hold may stay open (long: an operator review may take
 *                                days; the hold-expiry sweeper must never void a withdrawal)
 */
@Validated
@ConfigurationProperties("hub.payments")
public record PaymentsProperties(
        @DefaultValue("simpay") @NotBlank String defaultGateway,
        @DefaultValue("300s") @NotNull Duration tolerance,
        @Valid Map<String, Endpoint> gateways,
        @Valid Map<String, Endpoint> kycVendors,
        @Valid @NotNull @DefaultValue Kyc kyc,
        @Valid Map<String, AmlLimits> aml,
        @Valid @NotNull @DefaultValue Inbox inbox,
        @Valid @NotNull @DefaultValue GatewayCallSettings gatewayCall,
        @DefaultValue("3650d") @NotNull Duration withdrawalHoldTimeout) {

    public PaymentsProperties {
        gateways = gateways == null ? Map.of() : Map.copyOf(gateways);
        kycVendors = kycVendors == null ? Map.of() : Map.copyOf(kycVendors);
        aml = aml == null ? Map.of() : Map.copyOf(aml);
    }

    /**
     * One webhook endpoint.
     *
     * @param scheme  {@code stripe}, {@code standard-webhooks} or {@code sumsub}
     * @param secrets the active signing secrets (several during a rotation)
     * @param baseUrl the gateway API base URL for outbound calls; blank = the in-process simulator's (default run)
     */
    public record Endpoint(@NotBlank String scheme, @NotNull List<String> secrets, @DefaultValue("") String baseUrl) {
    }

    /**
     * @param requireApprovalToWager when true only KYC-APPROVED players may bet; when false (default) only a REJECTED
     *                               player is blocked (so a player without a KYC record still plays)
     * @param defaultJurisdiction    the jurisdiction of a player without a KYC record
     */
    public record Kyc(@DefaultValue("false") boolean requireApprovalToWager, @DefaultValue("EU") @NotBlank String defaultJurisdiction) {
    }

    /**
     * Withdrawals above these wait on hold for an operator (payments.md §5.3: EU AMLD4 €2,000 per transaction).
     *
     * @param currency      the currency of the limits; a withdrawal in another currency is held for review
     * @param singleLimit   decimal string: a withdrawal above it is held
     * @param rollingLimit  decimal string: when the player's withdrawals in the window (this one included, rejected and
     *                      failed ones not) exceed it, the withdrawal is held
     * @param rollingWindow the window of the rolling sum
     */
    public record AmlLimits(@NotBlank String currency, @NotBlank String singleLimit, @NotBlank String rollingLimit,
                            @NotNull Duration rollingWindow) {
    }

    /**
     * @param periodMs       how often the inbox is processed
     * @param batchSize      events per pass
     * @param retryDelay     first delay before an unmatched or deferred event is tried again (doubling per attempt)
     * @param maxRetryDelay  cap of that delay; an unmatched or deferred event is never given up
     * @param resumeAfter    a deposit or withdrawal still waiting for its gateway call after this long is sent again
     * @param maxAttempts    failed processing attempts (an exception that is neither transient nor known to be
     *                       permanent, see {@link InboxFailures}) after which an event is PARKED for an operator; a
     *                       permanent failure parks at once, a transient one never counts. Default 5 (with the default
     *                       delays: parked about 30 s after the first failure)
     * @param parkedRefreshMs how often the {@code hub_payments_inbox_parked} gauge re-counts the PARKED events
     */
    public record Inbox(@DefaultValue("200") @Positive long periodMs, @DefaultValue("100") @Positive int batchSize,
                        @DefaultValue("2s") @NotNull Duration retryDelay, @DefaultValue("10m") @NotNull Duration maxRetryDelay,
                        @DefaultValue("5s") @NotNull Duration resumeAfter, @DefaultValue("5") @Positive int maxAttempts,
                        @DefaultValue("5000") @Positive long parkedRefreshMs) {
    }

    /**
     * @param connectTimeoutMs  TCP connect time-out
     * @param responseTimeoutMs response time-out
     * @param attempts          attempts per call (same idempotency key each time)
     */
    public record GatewayCallSettings(@DefaultValue("2000") @Positive long connectTimeoutMs,
                                      @DefaultValue("5000") @Positive long responseTimeoutMs,
                                      @DefaultValue("3") @Positive int attempts) {
    }
}
