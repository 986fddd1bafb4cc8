package io.hub.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class MachineInfoTest {

    @Test
    void parsesMemTotal() {
        assertThat(MachineInfo.parseMemTotal(List.of("MemTotal:       24684572 kB", "MemFree: 1 kB")))
                .isEqualTo(24_684_572L * 1024);
        assertThat(MachineInfo.parseMemTotal(List.of("nothing"))).isEqualTo(-1);
    }

    @Test
    void detectsThisMachine() {
        MachineInfo m = MachineInfo.detect();
        assertThat(m.cpus()).isPositive();
        assertThat(m.javaVersion()).isNotBlank();
    }
}
