package io.hub.providers;

import static org.assertj.core.api.Assertions.assertThat;

import io.hub.contracts.RejectionCode;
import io.hub.contracts.wallet.WalletRejection;
import io.hub.providers.evolution.EvolutionErrorCodes;
import io.hub.providers.hub88.Hub88ErrorCodes;
import io.hub.providers.pragmatic.PragmaticErrorCodes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every rejection maps to a protocol code in every adapter; every general RejectionCode has a wallet rejection. */
class ErrorCodeTablesTest {

    @ParameterizedTest
    @EnumSource(RejectionCode.class)
    void everyGeneralRejectionCodeHasAWalletRejectionAndAProtocolCode(RejectionCode code) {
        WalletRejection w = WalletRejection.of(code);
        assertThat(w.name()).isEqualTo(code.name());
        assertThat(Hub88ErrorCodes.statusFor(w)).isNotEqualTo(Hub88ErrorCodes.Status.RS_OK);
        assertThat(EvolutionErrorCodes.statusFor(w)).isNotEqualTo(EvolutionErrorCodes.Status.OK);
        assertThat(PragmaticErrorCodes.codeFor(w)).isNotEqualTo(PragmaticErrorCodes.Code.SUCCESS);
    }

    @Test
    void tablesAreExhaustive() {
        assertThat(Hub88ErrorCodes.table().keySet()).containsExactlyInAnyOrder(WalletRejection.values());
        assertThat(PragmaticErrorCodes.table().keySet()).containsExactlyInAnyOrder(WalletRejection.values());
        assertThat(EvolutionErrorCodes.table().keySet()).containsExactlyInAnyOrder(WalletRejection.values());
    }

    @ParameterizedTest
    @EnumSource(WalletRejection.class)
    void onlyAReplayIsASuccessAndOnlyForPragmatic(WalletRejection r) {
        assertThat(Hub88ErrorCodes.statusFor(r)).isNotEqualTo(Hub88ErrorCodes.Status.RS_OK);
        assertThat(EvolutionErrorCodes.statusFor(r)).isNotEqualTo(EvolutionErrorCodes.Status.OK);
        if (r != WalletRejection.TRANSACTION_EXISTS) {
            assertThat(PragmaticErrorCodes.codeFor(r)).isNotEqualTo(PragmaticErrorCodes.Code.SUCCESS);
        }
    }

    @Test
    void knownMappingsFromProvidersMd() {
        assertThat(Hub88ErrorCodes.statusFor(WalletRejection.INSUFFICIENT_FUNDS)).isEqualTo(Hub88ErrorCodes.Status.RS_ERROR_NOT_ENOUGH_MONEY);
        assertThat(Hub88ErrorCodes.statusFor(WalletRejection.TRANSACTION_ROLLED_BACK)).isEqualTo(Hub88ErrorCodes.Status.RS_ERROR_TRANSACTION_ROLLED_BACK);
        assertThat(PragmaticErrorCodes.codeFor(WalletRejection.INVALID_SIGNATURE).number).isEqualTo(5);
        assertThat(PragmaticErrorCodes.codeFor(WalletRejection.INTERNAL_ERROR).number).isEqualTo(100);
        assertThat(PragmaticErrorCodes.codeFor(WalletRejection.INTERNAL_ERROR).retry()).isTrue();
        assertThat(EvolutionErrorCodes.statusFor(WalletRejection.INVALID_SIGNATURE).httpStatus).isEqualTo(401);
        assertThat(EvolutionErrorCodes.statusFor(WalletRejection.ALREADY_SETTLED)).isEqualTo(EvolutionErrorCodes.Status.BET_ALREADY_SETTLED);
        assertThat(EvolutionErrorCodes.statusFor(WalletRejection.INTERNAL_ERROR).retransmission).isTrue();
    }

    @Test
    void policyDefaultsFollowProvidersMdSection5() {
        assertThat(ProviderPolicy.hub88Defaults().replay()).isEqualTo(ProviderPolicy.Replay.ORIGINAL_RESPONSE);
        assertThat(ProviderPolicy.pragmaticDefaults().replay()).isEqualTo(ProviderPolicy.Replay.CURRENT_BALANCE);
        assertThat(ProviderPolicy.pragmaticDefaults().unknownRollback()).isEqualTo(ProviderPolicy.UnknownRollback.ACK_WITH_BALANCE);
        assertThat(ProviderPolicy.evolutionDefaults().unknownRollback()).isEqualTo(ProviderPolicy.UnknownRollback.NOT_FOUND);
        assertThat(ProviderPolicy.evolutionDefaults().tokenOnWin()).isEqualTo(ProviderPolicy.TokenCheck.ENFORCE);
        assertThat(ProviderPolicy.hub88Defaults().tokenOnRollback()).isEqualTo(ProviderPolicy.TokenCheck.SKIP);
    }

    @Test
    void aBetOnAnUnavailableGameIsRefusedWithEachProtocolsOwnGameCode() {
        // providers.md §1 row 13 / §4: Hub88 RS_ERROR_INVALID_GAME (a "known" bet error: discarded, no rollback [C1]),
        // PP 8 "game not found or disabled" [P1]; Evolution has no game status, INVALID_PARAMETER is the closest
        assertThat(Hub88ErrorCodes.statusFor(WalletRejection.UNKNOWN_GAME)).isEqualTo(Hub88ErrorCodes.Status.RS_ERROR_INVALID_GAME);
        assertThat(PragmaticErrorCodes.codeFor(WalletRejection.UNKNOWN_GAME).number).isEqualTo(8);
        assertThat(PragmaticErrorCodes.codeFor(WalletRejection.UNKNOWN_GAME).retry()).isFalse();
        assertThat(EvolutionErrorCodes.statusFor(WalletRejection.UNKNOWN_GAME)).isEqualTo(EvolutionErrorCodes.Status.INVALID_PARAMETER);
        assertThat(EvolutionErrorCodes.statusFor(WalletRejection.UNKNOWN_GAME).retransmission).isFalse();
    }

    @Test
    void gameCheckIsStrictForNewProvidersAndListedOrUnknownForAStoredPolicyWithoutIt() throws Exception {
        assertThat(ProviderPolicy.hub88Defaults().gameCheck()).isEqualTo(ProviderPolicy.GameCheck.STRICT);
        assertThat(ProviderPolicy.pragmaticDefaults().gameCheck()).isEqualTo(ProviderPolicy.GameCheck.STRICT);
        assertThat(ProviderPolicy.evolutionDefaults().gameCheck()).isEqualTo(ProviderPolicy.GameCheck.STRICT);
        // the policy JSON bench/run-provider-bench.sh inserts (written before the field existed)
        String stored = "{\"unknownRollback\":\"ACK_WITH_BALANCE\",\"replay\":\"ORIGINAL_RESPONSE\",\"txIdScope\":\"GLOBAL\","
                + "\"tokenOnWin\":\"SKIP\",\"tokenOnRollback\":\"SKIP\",\"partialRollbacks\":false,\"cancelAfterSettle\":\"REJECT\","
                + "\"creditAfterCancel\":false}";
        ProviderPolicy read = new com.fasterxml.jackson.databind.ObjectMapper().readValue(stored, ProviderPolicy.class);
        assertThat(read.gameCheck()).isEqualTo(ProviderPolicy.GameCheck.LISTED_OR_UNKNOWN_ALLOWED);
        assertThat(read).isEqualTo(new ProviderPolicy(ProviderPolicy.UnknownRollback.ACK_WITH_BALANCE, ProviderPolicy.Replay.ORIGINAL_RESPONSE,
                ProviderPolicy.TxIdScope.GLOBAL, ProviderPolicy.TokenCheck.SKIP, ProviderPolicy.TokenCheck.SKIP, false,
                ProviderPolicy.CancelAfterSettle.REJECT, false, ProviderPolicy.GameCheck.LISTED_OR_UNKNOWN_ALLOWED,
                ProviderPolicy.CreditAfterSettle.REJECT, ProviderPolicy.Settlement.MIXED));
        assertThat(read.settlement()).isEqualTo(ProviderPolicy.Settlement.MIXED);
    }

    @Test
    void settlementIsMixedForEveryProtocolAndGameWiseIsConfiguration() throws Exception {
        // §1 row 14, §4 shape C, [E3]: "Mixed" (one credit settles its bet) vs "Gamewise" (one credit settles the round)
        assertThat(ProviderPolicy.evolutionDefaults().settlement()).isEqualTo(ProviderPolicy.Settlement.MIXED);
        assertThat(ProviderPolicy.hub88Defaults().settlement()).isEqualTo(ProviderPolicy.Settlement.MIXED);
        assertThat(ProviderPolicy.pragmaticDefaults().settlement()).isEqualTo(ProviderPolicy.Settlement.MIXED);
        ProviderPolicy gw = ProviderPolicy.evolutionDefaults().withSettlement(ProviderPolicy.Settlement.GAMEWISE);
        assertThat(gw.settlement()).isEqualTo(ProviderPolicy.Settlement.GAMEWISE);
        assertThat(gw.withSettlement(ProviderPolicy.Settlement.MIXED)).isEqualTo(ProviderPolicy.evolutionDefaults());
        // the policy table travels as JSON (table provider, operator API): the field round-trips by name
        com.fasterxml.jackson.databind.ObjectMapper m = new com.fasterxml.jackson.databind.ObjectMapper();
        String json = m.writeValueAsString(gw);
        assertThat(json).contains("\"settlement\":\"GAMEWISE\"");
        assertThat(m.readValue(json, ProviderPolicy.class)).isEqualTo(gw);
    }

    @Test
    void creditAfterSettleDefaultsFollowEachProtocol() {
        // §4 shape C: Evolution credits are matched by refId, one per bet ([E1] Test_debitCreditBetAlreadySettled);
        // Hub88 wins until round_closed and Pragmatic results until endRound may be several per bet / round
        assertThat(ProviderPolicy.evolutionDefaults().creditAfterSettle()).isEqualTo(ProviderPolicy.CreditAfterSettle.REJECT);
        assertThat(ProviderPolicy.hub88Defaults().creditAfterSettle()).isEqualTo(ProviderPolicy.CreditAfterSettle.WHILE_ROUND_OPEN);
        assertThat(ProviderPolicy.pragmaticDefaults().creditAfterSettle()).isEqualTo(ProviderPolicy.CreditAfterSettle.WHILE_ROUND_OPEN);
    }

    @Test
    void hub88RefusalsBecauseABetIsSettledOrItsRoundClosedNeverSayDone() {
        // a rollback or win refused because the bet is settled: no Hub88 status says "settled" [H3]; DUPLICATE_TRANSACTION
        // (same transaction_uuid, other content) and TRANSACTION_ROLLED_BACK read as "already done" on a rollback, and
        // TRANSACTION_DOES_NOT_EXIST as "the bet never existed": RS_ERROR_UNKNOWN, retried, then queued for people (§5.6)
        assertThat(Hub88ErrorCodes.statusFor(WalletRejection.ALREADY_SETTLED)).isEqualTo(Hub88ErrorCodes.Status.RS_ERROR_UNKNOWN);
        // a bet on a closed round: a "known" bet error (discarded, no rollback, §4 shape A) that names no transaction
        Hub88ErrorCodes.Status closed = Hub88ErrorCodes.statusFor(WalletRejection.ROUND_CLOSED);
        assertThat(closed).isEqualTo(Hub88ErrorCodes.Status.RS_ERROR_INVALID_GAME);
        assertThat(java.util.List.of(Hub88ErrorCodes.Status.RS_ERROR_INVALID_TOKEN, Hub88ErrorCodes.Status.RS_ERROR_INVALID_GAME,
                Hub88ErrorCodes.Status.RS_ERROR_WRONG_CURRENCY, Hub88ErrorCodes.Status.RS_ERROR_NOT_ENOUGH_MONEY,
                Hub88ErrorCodes.Status.RS_ERROR_USER_DISABLED, Hub88ErrorCodes.Status.RS_ERROR_INVALID_SIGNATURE,
                Hub88ErrorCodes.Status.RS_ERROR_WRONG_SYNTAX, Hub88ErrorCodes.Status.RS_ERROR_WRONG_TYPES,
                Hub88ErrorCodes.Status.RS_ERROR_DUPLICATE_TRANSACTION, Hub88ErrorCodes.Status.RS_ERROR_BET_LIMIT_EXCEEDED))
                .as("Caleta's known bet errors [C1]").contains(closed);
    }
}
