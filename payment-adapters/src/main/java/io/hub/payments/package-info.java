/**
 * Payment-gateway and KYC-vendor webhook schemes (Stripe-style, Standard Webhooks, Sumsub-style): one package
 * per scheme with the same files; every vendor status maps to one canonical status. Pure Java. Built by the
 * "Payments and KYC" issue.
 */
package io.hub.payments;
