package io.hub.contracts.providers;

/**
 * What the timed {@code catalogue-sync-<providerId>} route calls on every tick. The implementation respects the
 * provider's rate limit (a tick that comes too early does nothing), records failures as the provider's health and
 * never deletes games on a failed or partial sync.
 */
public interface CatalogueSyncPort {
    /** Pulls the provider's game list if it is due; never throws for a provider-side failure (it is recorded). */
    void syncIfDue(String providerId);
}
