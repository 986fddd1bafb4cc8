package io.hub.app.providers.admin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Studio URLs may not point the hub's outbound calls at cloud metadata, unspecified or (in production) loopback hosts. */
class StudioUrlHostTest {

    @Test
    void cloud_metadata_link_local_unspecified_and_multicast_hosts_are_refused_everywhere() {
        assertThat(ProviderAdminService.hostProblem("169.254.169.254", true)).isEqualTo("a link-local address (cloud metadata)");
        assertThat(ProviderAdminService.hostProblem("[fe80::1]", true)).isEqualTo("a link-local address (cloud metadata)");
        assertThat(ProviderAdminService.hostProblem("metadata.google.internal", true)).isEqualTo("a cloud metadata service");
        assertThat(ProviderAdminService.hostProblem("0.0.0.0", true)).isEqualTo("the unspecified address");
        assertThat(ProviderAdminService.hostProblem("224.0.0.1", true)).isEqualTo("a multicast address");
    }

    @Test
    void loopback_is_refused_only_when_the_profile_says_so_in_any_spelling() {
        assertThat(ProviderAdminService.hostProblem("localhost", true)).isNull();
        assertThat(ProviderAdminService.hostProblem("127.0.0.1", true)).isNull();
        assertThat(ProviderAdminService.hostProblem("localhost", false)).isEqualTo("a loopback address");
        assertThat(ProviderAdminService.hostProblem("127.0.0.1", false)).isEqualTo("a loopback address");
        assertThat(ProviderAdminService.hostProblem("2130706433", false)).isEqualTo("a loopback address");
        assertThat(ProviderAdminService.hostProblem("[::1]", false)).isEqualTo("a loopback address");
    }

    @Test
    void studio_host_names_and_private_networks_are_allowed() {
        assertThat(ProviderAdminService.hostProblem("api.studio.example.com", false)).isNull();
        assertThat(ProviderAdminService.hostProblem("10.0.0.5", false)).isNull();
        assertThat(ProviderAdminService.hostProblem("192.168.1.20", false)).isNull();
    }
}
