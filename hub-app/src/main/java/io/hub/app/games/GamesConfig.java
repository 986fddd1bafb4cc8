package io.hub.app.games;

import io.hub.contracts.game.RandomSource;
import io.hub.games.rng.DrbgRandomSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The certified RNG for real-money play: NIST SP 800-90A Hash_DRBG (SHA-256, 256-bit), one instance per thread. */
@Configuration(proxyBeanMethods = false)
public class GamesConfig {
    @Bean
    RandomSource certifiedRng() {
        return new DrbgRandomSource();
    }
}
