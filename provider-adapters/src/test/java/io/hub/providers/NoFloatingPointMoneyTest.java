package io.hub.providers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** No {@code double}/{@code float} (nor {@code new BigDecimal(double)}) anywhere in the adapters' main sources. */
class NoFloatingPointMoneyTest {
    private static final Pattern FLOATING = Pattern.compile("\\b(double|float|Double|Float)\\b|doubleValue\\(|floatValue\\(");

    @Test
    void mainSourcesUseNoFloatingPoint() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            List<String> offenders = files.filter(p -> p.toString().endsWith(".java")).filter(p -> {
                try {
                    return FLOATING.matcher(Files.readString(p)).find();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).map(Path::toString).collect(Collectors.toList());
            assertThat(offenders).isEmpty();
        }
    }
}
