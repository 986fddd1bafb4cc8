package io.hub.payments.sumsub;

import java.util.List;

/**
 * Configuration of the Sumsub webhook endpoint.
 *
 * @param secrets the webhook secret keys (Sumsub dashboard, webhook manager), used as UTF-8 HMAC keys; several
 *                while a key is being replaced; at least one
 */
public record SumsubSettings(List<String> secrets) {
    public SumsubSettings {
        secrets = List.copyOf(secrets);
        if (secrets.isEmpty()) throw new IllegalArgumentException("at least one Sumsub webhook secret is required");
        for (String s : secrets) {
            if (s == null || s.isBlank()) throw new IllegalArgumentException("blank Sumsub webhook secret");
        }
    }

    public static SumsubSettings of(String... secrets) {
        return new SumsubSettings(List.of(secrets));
    }

    @Override
    public String toString() {
        return "SumsubSettings[" + secrets.size() + " secret(s)]";
    }
}
