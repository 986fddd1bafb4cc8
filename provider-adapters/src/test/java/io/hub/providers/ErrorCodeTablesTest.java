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
}
