/**
 * Game-studio wallet protocols (Hub88-style signed JSON, Pragmatic-style hashed form posts, Evolution-style
 * One Wallet): one package per protocol with the same files (adapter, signature, messages, mapper, error
 * codes, settings). Pure Java: no Camel, no JDBC, no Spring Web. Built by the "External game providers" issue.
 */
package io.hub.providers;
