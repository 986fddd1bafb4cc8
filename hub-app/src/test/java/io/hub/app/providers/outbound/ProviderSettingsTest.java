package io.hub.app.providers.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The per-provider HTTP time-out settings (connect, read, whole answer): optional ISO-8601 durations with bounds, refused
 * with the key named.
 */
class ProviderSettingsTest {

    @Test
    void timeouts_are_unset_by_default_so_the_hub_wide_defaults_apply() {
        ProviderSettings s = ProviderSettings.of(Map.of(), "p1");
        assertThat(s.launchConnectTimeout()).isNull();
        assertThat(s.launchReadTimeout()).isNull();
        assertThat(s.catalogueConnectTimeout()).isNull();
        assertThat(s.catalogueReadTimeout()).isNull();
        assertThat(s.launchTimeout()).isNull();
        assertThat(s.catalogueTimeout()).isNull();
    }

    @Test
    void whole_answer_timeouts_have_their_own_bounds_launch_up_to_two_minutes_catalogue_up_to_ten() {
        ProviderSettings s = ProviderSettings.of(Map.of("launchTimeout", "PT2M", "catalogueTimeout", "PT10M"), "p1");
        assertThat(s.launchTimeout()).isEqualTo(Duration.ofMinutes(2));
        assertThat(s.catalogueTimeout()).isEqualTo(Duration.ofMinutes(10));
        assertThat(ProviderSettings.of(Map.of("launchTimeout", "PT0.1S"), "p1").launchTimeout()).isEqualTo(Duration.ofMillis(100));
        assertThatThrownBy(() -> ProviderSettings.of(Map.of("launchTimeout", "PT0.09S"), "p1"))
                .hasMessage("setting 'launchTimeout' must be between PT0.1S and PT2M");
        assertThatThrownBy(() -> ProviderSettings.of(Map.of("launchTimeout", "PT2M0.001S"), "p1"))
                .hasMessage("setting 'launchTimeout' must be between PT0.1S and PT2M");
        assertThatThrownBy(() -> ProviderSettings.of(Map.of("catalogueTimeout", "PT10M1S"), "p1"))
                .hasMessage("setting 'catalogueTimeout' must be between PT0.1S and PT10M");
        assertThatThrownBy(() -> ProviderSettings.of(Map.of("catalogueTimeout", 60), "p1"))
                .hasMessageContaining("setting 'catalogueTimeout' must be an ISO-8601 duration");
        assertThatThrownBy(() -> ProviderSettings.of(Map.of("launchTimeout", "5s"), "p1"))
                .hasMessageContaining("setting 'launchTimeout' must be an ISO-8601 duration");
        // lenient: a bad stored value falls back to the hub-wide default (null), the other one stays
        ProviderSettings lenient = ProviderSettings.lenient(Map.of("launchTimeout", "PT0S", "catalogueTimeout", "PT90S"), "p1");
        assertThat(lenient.launchTimeout()).isNull();
        assertThat(lenient.catalogueTimeout()).isEqualTo(Duration.ofSeconds(90));
    }

    @Test
    void timeouts_within_their_bounds_are_read() {
        ProviderSettings s = ProviderSettings.of(Map.of("launchConnectTimeout", "PT0.1S", "launchReadTimeout", "PT2M",
                "catalogueConnectTimeout", "PT30S", "catalogueReadTimeout", "PT0.75S"), "p1");
        assertThat(s.launchConnectTimeout()).isEqualTo(Duration.ofMillis(100));
        assertThat(s.launchReadTimeout()).isEqualTo(Duration.ofMinutes(2));
        assertThat(s.catalogueConnectTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(s.catalogueReadTimeout()).isEqualTo(Duration.ofMillis(750));
    }

    @Test
    void timeouts_out_of_bounds_or_of_the_wrong_type_are_refused_naming_the_setting() {
        assertThatThrownBy(() -> ProviderSettings.of(Map.of("launchReadTimeout", "PT0.05S"), "p1"))
                .hasMessage("setting 'launchReadTimeout' must be between PT0.1S and PT2M");
        assertThatThrownBy(() -> ProviderSettings.of(Map.of("catalogueReadTimeout", "PT2M1S"), "p1"))
                .hasMessage("setting 'catalogueReadTimeout' must be between PT0.1S and PT2M");
        assertThatThrownBy(() -> ProviderSettings.of(Map.of("launchConnectTimeout", "PT31S"), "p1"))
                .hasMessage("setting 'launchConnectTimeout' must be between PT0.1S and PT30S");
        assertThatThrownBy(() -> ProviderSettings.of(Map.of("catalogueConnectTimeout", 500), "p1"))
                .hasMessageContaining("setting 'catalogueConnectTimeout' must be an ISO-8601 duration");
        // lenient (a row written elsewhere): the bad value falls back to the default, the good one stays
        ProviderSettings lenient = ProviderSettings.lenient(Map.of("launchReadTimeout", "PT0S", "catalogueReadTimeout", "PT3S"), "p1");
        assertThat(lenient.launchReadTimeout()).isNull();
        assertThat(lenient.catalogueReadTimeout()).isEqualTo(Duration.ofSeconds(3));
    }
}
