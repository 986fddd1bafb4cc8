package io.hub.app.providers;

/**
 * The wallet protocols the hub speaks (providers.md §4): each onboarded provider uses one of them with its own
 * credentials and policy table.
 */
public enum ProviderProtocol {
    /** Shape A: signed JSON, {@code X-Hub88-Signature} RSA-SHA256 over the raw body, {@code RS_*} statuses. */
    HUB88,
    /** Shape B: form posts with a sorted-parameter MD5 {@code hash}, numeric error codes. */
    PRAGMATIC,
    /** Shape C: Evolution One Wallet, {@code authToken} query parameter, {@code sid} rotation on check. */
    EVOLUTION
}
