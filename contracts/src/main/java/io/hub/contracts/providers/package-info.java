/**
 * Ports between the provider routes ({@code provider-http}, {@code catalogue-sync-*}) and the application: the outbound
 * HTTP call and its reply, and the catalogue sync the timed routes trigger.
 */
package io.hub.contracts.providers;
