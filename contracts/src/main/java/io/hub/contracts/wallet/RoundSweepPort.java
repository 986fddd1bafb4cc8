package io.hub.contracts.wallet;

/** Closes provider rounds left open longer than the configured age (providers.md §3 scenario 23, §5.7). */
public interface RoundSweepPort {
    /** Closes stale open rounds, records each closure, and returns how many it closed. */
    int sweepStaleRounds();
}
