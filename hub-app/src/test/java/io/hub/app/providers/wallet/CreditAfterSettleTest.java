package io.hub.app.providers.wallet;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.hub.app.providers.ProviderConfig;
import io.hub.app.providers.ProviderProtocol;
import io.hub.contracts.wallet.ProviderCallbackAnswer;
import io.hub.providers.ProviderPolicy;
import io.hub.providers.ProviderPolicy.CreditAfterSettle;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A bet's winnings are paid once where the protocol matches credits to bets one to one (providers.md §4 shape C:
 * "credits and cancels are matched by refId"; §3 scenario 7; [E1] {@code Test_debitCreditBetAlreadySettled}), and
 * several times only where the protocol allows several credits per bet or round until the round ends (Hub88 wins
 * until {@code round_closed}, Pragmatic {@code result}s until {@code endRound}): policy {@code creditAfterSettle}.
 * A refused credit answers the protocol's "settled" status with the real balance and writes nothing.
 */
class CreditAfterSettleTest extends ProviderWalletTestSupport {

    private long providerRows(UUID player) {
        return jdbc.queryForObject("SELECT count(*) FROM provider_transaction WHERE player_id = ?", Long.class, player);
    }

    private static JsonNode body(ProviderCallbackAnswer a) {
        return json(a.bodyText());
    }

    @Test
    void evolution_second_credit_with_a_new_transaction_id_for_a_settled_refId_is_BET_ALREADY_SETTLED_with_the_balance_and_writes_nothing() {
        TestProvider p = provider(ProviderProtocol.EVOLUTION);
        Seat s = seat(p, "1000.00");
        String k = UUID.randomUUID().toString().substring(0, 8);
        String round = "g" + k;

        // debit {transaction.id = refId = ref10} 100.00 → 900.00; credit c10 of 10.00 for refId ref10 → 910.00
        assertThat(body(call(p, "bet", s, s.token(), "ref10-" + k, null, round, "100.00", false)).get("status").asText()).isEqualTo("OK");
        JsonNode first = body(call(p, "win", s, s.token(), "c10-" + k, "ref10-" + k, round, "10.00", false));
        assertThat(first.get("status").asText()).isEqualTo("OK");
        assertThat(first.get("balance").decimalValue()).isEqualByComparingTo("910.00");
        long ledgerTx = providerTransactions(s.playerId());
        long rows = providerRows(s.playerId());

        // c11, c12: new transaction ids, same refId → BET_ALREADY_SETTLED with the real balance, nothing paid or written
        for (String c : new String[] {"c11-", "c12-"}) {
            ProviderCallbackAnswer again = call(p, "win", s, s.token(), c + k, "ref10-" + k, round, "10.00", false);
            assertThat(again.httpStatus()).isEqualTo(200);
            JsonNode j = body(again);
            assertThat(j.get("status").asText()).isEqualTo("BET_ALREADY_SETTLED");
            assertThat(j.get("balance").decimalValue()).isEqualByComparingTo("910.00");
            assertThat(j.has("retransmission")).isFalse();
        }
        assertThat(cashMinor(s.playerId())).isEqualTo(91_000);
        assertThat(providerTransactions(s.playerId())).isEqualTo(ledgerTx).isEqualTo(2);
        assertThat(providerRows(s.playerId())).isEqualTo(rows).isEqualTo(2);
        assertThat(jdbc.queryForObject("SELECT state FROM provider_bet WHERE provider_id = ? AND bet_ref = ?", String.class,
                p.id(), "ref10-" + k)).isEqualTo("SETTLED");

        // a cancel for the settled refId is refused as before, with the balance
        JsonNode cancel = body(call(p, "rollback", s, s.token(), "x10-" + k, "ref10-" + k, round, null, false));
        assertThat(cancel.get("status").asText()).isEqualTo("BET_ALREADY_SETTLED");
        assertThat(cancel.get("balance").decimalValue()).isEqualByComparingTo("910.00");
        // the first credit's own retry still gets its original answer
        JsonNode replay = body(call(p, "win", s, s.token(), "c10-" + k, "ref10-" + k, round, "10.00", false));
        assertThat(replay.get("status").asText()).isEqualTo("OK");
        assertThat(replay.get("balance").decimalValue()).isEqualByComparingTo("910.00");
        assertThat(cashMinor(s.playerId())).isEqualTo(91_000);
        assertLedgerBalanced();
    }

    @Test
    void evolution_with_depositAfterCancel_pays_one_credit_after_the_cancel_and_refuses_the_next() {
        ProviderPolicy d = ProviderPolicy.evolutionDefaults();
        ProviderPolicy depositAfterCancel = new ProviderPolicy(d.unknownRollback(), d.replay(), d.txIdScope(), d.tokenOnWin(),
                d.tokenOnRollback(), d.partialRollbacks(), d.cancelAfterSettle(), true, d.gameCheck(), CreditAfterSettle.REJECT, d.settlement());
        TestProvider p = provider(ProviderProtocol.EVOLUTION, depositAfterCancel, Map.of());
        Seat s = seat(p, "100.00");
        String k = UUID.randomUUID().toString().substring(0, 8);
        assertThat(body(call(p, "bet", s, s.token(), "A" + k, null, "R" + k, "10.00", false)).get("status").asText()).isEqualTo("OK");
        assertThat(body(call(p, "rollback", s, s.token(), "X" + k, "A" + k, "R" + k, null, false)).get("status").asText()).isEqualTo("OK");
        assertThat(body(call(p, "win", s, s.token(), "C1" + k, "A" + k, "R" + k, "5.00", false)).get("status").asText()).isEqualTo("OK");
        assertThat(cashMinor(s.playerId())).isEqualTo(10_500);

        JsonNode second = body(call(p, "win", s, s.token(), "C2" + k, "A" + k, "R" + k, "5.00", false));
        assertThat(second.get("status").asText()).isEqualTo("BET_ALREADY_SETTLED");
        assertThat(second.get("balance").decimalValue()).isEqualByComparingTo("105.00");
        // and the bet still counts as cancelled: a second cancel (new id) returns no second stake
        JsonNode cancel = body(call(p, "rollback", s, s.token(), "X2" + k, "A" + k, "R" + k, null, false));
        assertThat(cancel.get("status").asText()).isEqualTo("BET_ALREADY_SETTLED");
        assertThat(cashMinor(s.playerId())).isEqualTo(10_500);
        assertThat(providerTransactions(s.playerId())).isEqualTo(3);
        assertLedgerBalanced();
    }

    @Test
    void hub88_pays_several_wins_for_one_bet_while_its_round_is_open_and_refuses_them_once_round_closed() {
        TestProvider p = provider(ProviderProtocol.HUB88);
        Seat s = seat(p, "100.00");
        String k = UUID.randomUUID().toString().substring(0, 8);
        assertThat(body(call(p, "bet", s, s.token(), "A" + k, null, "R" + k, "10.00", false)).get("status").asText()).isEqualTo("RS_OK");
        assertThat(body(call(p, "win", s, s.token(), "W1" + k, "A" + k, "R" + k, "3.00", false)).get("status").asText()).isEqualTo("RS_OK");
        assertThat(body(call(p, "win", s, s.token(), "W2" + k, "A" + k, "R" + k, "4.00", true)).get("status").asText()).isEqualTo("RS_OK");
        assertThat(cashMinor(s.playerId())).isEqualTo(9_700);
        long rows = providerRows(s.playerId());

        JsonNode late = body(call(p, "win", s, s.token(), "W3" + k, "A" + k, "R" + k, "4.00", false));
        assertThat(late.get("status").asText()).isEqualTo("RS_ERROR_UNKNOWN");
        assertThat(late.get("balance").asLong()).isEqualTo(9_700_000L);   // 97.00 EUR at scale 5
        assertThat(cashMinor(s.playerId())).isEqualTo(9_700);
        assertThat(providerRows(s.playerId())).isEqualTo(rows).isEqualTo(3);
        assertThat(providerTransactions(s.playerId())).isEqualTo(3);
        assertLedgerBalanced();
    }

    @Test
    void pragmatic_pays_several_results_of_a_round_until_endRound_then_refuses_a_result_with_120_and_writes_nothing() {
        TestProvider p = provider(ProviderProtocol.PRAGMATIC);
        Seat s = seat(p, "100.00");
        String k = UUID.randomUUID().toString().substring(0, 8);
        String round = "9" + Math.abs(k.hashCode());
        assertThat(body(call(p, "bet", s, s.token(), "A" + k, null, round, "10.00", false)).get("error").asInt()).isZero();
        assertThat(body(call(p, "win", s, s.token(), "W1" + k, null, round, "3.00", false)).get("error").asInt()).isZero();
        assertThat(body(call(p, "win", s, s.token(), "W2" + k, null, round, "4.00", false)).get("error").asInt()).isZero();
        assertThat(body(call(p, "end-round", s, s.token(), null, null, round, null, false)).get("error").asInt()).isZero();
        assertThat(cashMinor(s.playerId())).isEqualTo(9_700);
        long rows = providerRows(s.playerId());

        JsonNode late = body(call(p, "win", s, s.token(), "W3" + k, null, round, "4.00", false));
        assertThat(late.get("error").asInt()).isEqualTo(120);
        assertThat(late.get("cash").decimalValue()).isEqualByComparingTo("97.00");
        assertThat(cashMinor(s.playerId())).isEqualTo(9_700);
        assertThat(providerRows(s.playerId())).isEqualTo(rows);
        assertThat(providerTransactions(s.playerId())).isEqualTo(3);
        assertLedgerBalanced();
    }

    @Test
    void a_stored_policy_without_creditAfterSettle_reads_as_its_protocols_default() {
        String old = "{\"unknownRollback\":\"NOT_FOUND\",\"replay\":\"ORIGINAL_RESPONSE\",\"txIdScope\":\"GLOBAL\",\"tokenOnWin\":\"ENFORCE\","
                + "\"tokenOnRollback\":\"ENFORCE\",\"partialRollbacks\":false,\"cancelAfterSettle\":\"REJECT\",\"creditAfterCancel\":false}";
        for (ProviderProtocol protocol : ProviderProtocol.values()) {
            String id = "old-" + protocol.name().toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 6);
            jdbc.update("INSERT INTO provider (id, protocol, display_name, enabled, currencies, policy, credentials, settings)"
                    + " VALUES (?, ?, ?, true, ARRAY['EUR'], ?::jsonb, '{}'::jsonb, '{}'::jsonb)", id, protocol.name(), id, old);
            assertThat(registry.find(id).orElseThrow().policy().creditAfterSettle()).as(protocol.name())
                    .isEqualTo(ProviderConfig.defaultPolicy(protocol).creditAfterSettle());
        }
        assertThat(ProviderConfig.defaultPolicy(ProviderProtocol.EVOLUTION).creditAfterSettle()).isEqualTo(CreditAfterSettle.REJECT);
        assertThat(ProviderConfig.defaultPolicy(ProviderProtocol.HUB88).creditAfterSettle()).isEqualTo(CreditAfterSettle.WHILE_ROUND_OPEN);
        assertThat(ProviderConfig.defaultPolicy(ProviderProtocol.PRAGMATIC).creditAfterSettle()).isEqualTo(CreditAfterSettle.WHILE_ROUND_OPEN);
    }

    @Test
    void operators_set_creditAfterSettle_per_provider_and_a_hub88_provider_with_REJECT_pays_one_win_per_bet() {
        String id = "cas-" + UUID.randomUUID().toString().substring(0, 8);
        var r = post("/operator/providers", "{\"id\":\"" + id + "\",\"protocol\":\"HUB88\",\"displayName\":\"CAS\","
                + "\"credentials\":{\"publicKeyPem\":" + JSON.valueToTree(pem("PUBLIC KEY", PROVIDER_KEYS.getPublic().getEncoded())) + "},"
                + "\"currencies\":[\"EUR\"],\"policy\":{\"creditAfterSettle\":\"REJECT\",\"gameCheck\":\"OFF\"}}", operatorToken());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        assertThat(json(r.body()).get("policy").get("creditAfterSettle").asText()).isEqualTo("REJECT");
        var bad = post("/operator/providers", "{\"id\":\"x" + id + "\",\"protocol\":\"HUB88\",\"displayName\":\"CAS\","
                + "\"credentials\":{\"publicKeyPem\":" + JSON.valueToTree(pem("PUBLIC KEY", PROVIDER_KEYS.getPublic().getEncoded())) + "},"
                + "\"currencies\":[\"EUR\"],\"policy\":{\"creditAfterSettle\":\"SOMETIMES\"}}", operatorToken());
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(json(bad.body()).get("message").asText()).contains("creditAfterSettle REJECT|WHILE_ROUND_OPEN");

        TestProvider p = new TestProvider(registry.find(id).orElseThrow(),
                new io.hub.app.providers.wallet.conformance.Hub88Driver(PROVIDER_KEYS.getPrivate(), hubKey.publicKey(), "X-Hub88-Signature", 5));
        Seat s = seat(p, "100.00");
        String k = UUID.randomUUID().toString().substring(0, 8);
        assertThat(body(call(p, "bet", s, s.token(), "A" + k, null, "R" + k, "10.00", false)).get("status").asText()).isEqualTo("RS_OK");
        assertThat(body(call(p, "win", s, s.token(), "W1" + k, "A" + k, "R" + k, "3.00", false)).get("status").asText()).isEqualTo("RS_OK");
        assertThat(body(call(p, "win", s, s.token(), "W2" + k, "A" + k, "R" + k, "3.00", false)).get("status").asText()).isEqualTo("RS_ERROR_UNKNOWN");
        assertThat(cashMinor(s.playerId())).isEqualTo(9_300);
    }
}
