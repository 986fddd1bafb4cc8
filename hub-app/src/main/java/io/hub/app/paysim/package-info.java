/**
 * The in-process payment-gateway simulator of the default run ({@code hub.simulators.enabled}, true by default, false
 * in the {@code production} profile): WireMock (standalone, shaded) serving the {@code wiremock/mappings/simpay}
 * mappings, and a listener that confirms each created payment and pays each payout by sending a correctly signed
 * Standard Webhooks delivery to the hub's own {@code /webhooks/payments/{gatewayId}} after a short delay.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Payment gateway simulator", allowedDependencies = {"payments"})
package io.hub.app.paysim;
