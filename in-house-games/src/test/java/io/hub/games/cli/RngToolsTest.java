package io.hub.games.cli;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The raw and scaled RNG collection tools: output shape, and a clean stop when the reader goes away. */
class RngToolsTest {
    /** Accepts {@code limit} bytes, then fails like a closed pipe. */
    static final class ClosingPipe extends OutputStream {
        final int limit;
        int written;

        ClosingPipe(int limit) {
            this.limit = limit;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[]{(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (written + len > limit) throw new IOException("Broken pipe");
            written += len;
        }
    }

    private static final class Captured {
        final ByteArrayOutputStream err = new ByteArrayOutputStream();
        final PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);

        String err() {
            return err.toString(StandardCharsets.UTF_8);
        }
    }

    @Test
    void rawWritesFourBytesPerWord() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Captured c = new Captured();
        assertThat(RawRng.run(new String[]{"--words", "5000", "--chunk-words", "333"}, out, c.errStream)).isZero();
        byte[] bytes = out.toByteArray();
        assertThat(bytes).hasSize(20_000);
        assertThat(c.err()).contains("wrote 5000 words", "Hash_DRBG,SHA-256,256,reseed_only");
        // not constant and roughly balanced: 160,000 bits, ones within 5 SD (200) of 80,000
        long ones = 0;
        for (byte b : bytes) ones += Integer.bitCount(b & 0xFF);
        assertThat(ones).isBetween(79_000L, 81_000L);
    }

    @Test
    void rawReseedsOnTheGivenInterval() {
        Captured c = new Captured();
        assertThat(RawRng.run(new String[]{"--words", "1000", "--reseed-after", "100"}, new ByteArrayOutputStream(), c.errStream)).isZero();
        assertThat(c.err()).contains("9 reseeds");
    }

    @Test
    void rawStopsWhenTheOutputIsClosed() {
        Captured c = new Captured();
        ClosingPipe pipe = new ClosingPipe(10_000);
        assertThat(RawRng.run(new String[]{"--chunk-words", "256"}, pipe, c.errStream)).isZero(); // unlimited words
        assertThat(pipe.written).isEqualTo(9 * 1024); // nine whole 1 KiB chunks fitted
        assertThat(c.err()).contains("output closed after 2304 words", "Broken pipe");
    }

    @Test
    void rawAndScaledRejectBadArguments() {
        Captured c = new Captured();
        assertThat(RawRng.run(new String[]{"--words", "-1"}, new ByteArrayOutputStream(), c.errStream)).isEqualTo(2);
        assertThat(RawRng.run(new String[]{"--nope", "1"}, new ByteArrayOutputStream(), c.errStream)).isEqualTo(2);
        assertThat(ScaledRng.run(new String[]{}, new ByteArrayOutputStream(), c.errStream)).isEqualTo(2);
        assertThat(ScaledRng.run(new String[]{"atkins-diet", "--bound", "6"}, new ByteArrayOutputStream(), c.errStream)).isEqualTo(2);
        assertThat(ScaledRng.run(new String[]{"no-such-game"}, new ByteArrayOutputStream(), c.errStream)).isEqualTo(1);
        assertThat(c.err()).contains("usage", "unknown option", "cannot load");
    }

    @Test
    void scaledWritesReelStopsInRange() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(ScaledRng.run(new String[]{"red-white-blue", "--spins", "6400"}, out, new Captured().errStream)).isZero();
        List<String> lines = out.toString(StandardCharsets.US_ASCII).lines().toList();
        assertThat(lines.get(0)).isEqualTo("# red-white-blue reel stops, 0-based; stops per reel: 64 64 64");
        assertThat(lines).hasSize(6401);
        long[] reel1 = new long[64];
        for (String l : lines.subList(1, lines.size())) {
            String[] parts = l.split(" ");
            assertThat(parts).hasSize(3);
            for (String p : parts) assertThat(Integer.parseInt(p)).isBetween(0, 63);
            reel1[Integer.parseInt(parts[0])]++;
        }
        // reel 1 uniform over 64 stops: chi-square, 63 d.f., 99.9% critical value 103.4
        double chi = 0;
        for (long n : reel1) chi += (n - 100.0) * (n - 100.0) / 100.0;
        assertThat(chi).isLessThan(103.4);
    }

    @Test
    void scaledWritesBoundedIntegersAndStopsOnAClosedPipe() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(ScaledRng.run(new String[]{"--bound", "6", "--count", "600"}, out, new Captured().errStream)).isZero();
        List<String> lines = out.toString(StandardCharsets.US_ASCII).lines().toList();
        assertThat(lines).hasSize(600).allSatisfy(l -> assertThat(Integer.parseInt(l)).isBetween(0, 5));
        assertThat(lines.stream().distinct().count()).isEqualTo(6);
        Captured c = new Captured();
        assertThat(ScaledRng.run(new String[]{"--bound", "6"}, new ClosingPipe(100_000), c.errStream)).isZero();
        assertThat(c.err()).contains("output closed after", "Broken pipe");
    }

    /**
     * The real thing: the tool as a separate JVM writing to a pipe; the reader takes 64 KiB and closes its end.
     * The tool must notice the broken pipe and exit 0 within seconds (a PrintStream would swallow the error and run
     * forever).
     */
    @Test
    void rawProcessExitsCleanlyWhenThePipeIsClosedEarly() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), RawRng.class.getName())
                .redirectError(ProcessBuilder.Redirect.PIPE).start();
        try {
            InputStream in = p.getInputStream();
            byte[] got = in.readNBytes(65_536);
            assertThat(got).hasSize(65_536);
            in.close();
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).as("RawRng still running after its reader closed the pipe").isTrue();
            assertThat(p.exitValue()).isZero();
            assertThat(new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8)).contains("output closed after", "stopping");
        } finally {
            p.destroyForcibly();
        }
    }
}
