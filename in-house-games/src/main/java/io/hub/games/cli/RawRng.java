package io.hub.games.cli;

import io.hub.games.rng.DrbgRandomSource;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Duration;

/**
 * Raw-output collection tool (GLI RNG submission: "raw output before scaling"): writes the production DRBG's
 * 32-bit words to standard output as binary, for external test suites such as dieharder
 * ({@code java ... io.hub.games.cli.RawRng | dieharder -g 200 -a}).
 *
 * <p><b>Output:</b> each word is {@link DrbgRandomSource#nextRawWord()} (the same call, reseeding and 4-byte
 * generate requests as real play uses before {@code UniformScaler}), written as its 4 DRBG bytes in the order the
 * DRBG produced them (big-endian word). dieharder's {@code stdin_input_raw} (generator 200) reads 32-bit words;
 * the byte order of a uniform word does not change its distribution.
 *
 * <p><b>Stream:</b> written straight to file descriptor 1 with {@link FileOutputStream} (no {@link PrintStream},
 * which would swallow the error), one {@code write} per chunk of {@code --chunk-words} words (default 1024, 4 KiB).
 * When the reader closes the pipe the next write fails with "Broken pipe" and the tool stops with exit code 0 and a
 * one-line note on standard error, instead of running forever.
 *
 * <p>Usage: {@code RawRng [--words N] [--reseed-after N] [--reseed-seconds S] [--personalization TEXT]
 * [--chunk-words N]}. Without {@code --words} it runs until the pipe closes. Exit code 2 on bad arguments.
 */
public final class RawRng {
    private RawRng() {
    }

    public static void main(String[] args) {
        int code = run(args, new FileOutputStream(FileDescriptor.out), System.err);
        System.exit(code);
    }

    /**
     * Testable entry point.
     *
     * @param out where the words go (the tool never wraps it in a {@link PrintStream})
     * @return the exit code: 0 when done or when {@code out} was closed by the reader, 2 on bad arguments
     */
    public static int run(String[] args, OutputStream out, PrintStream err) {
        long words = Long.MAX_VALUE;
        int chunkWords = 1024;
        DrbgRandomSource.Settings defaults = DrbgRandomSource.Settings.defaults();
        long reseedAfter = defaults.reseedAfterDraws();
        Duration reseedInterval = defaults.reseedInterval();
        String personalization = defaults.personalization() + "|raw-output-tool";
        try {
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                if (i + 1 >= args.length) throw new IllegalArgumentException("missing value after " + a);
                String v = args[++i];
                switch (a) {
                    case "--words" -> words = positive(v, a);
                    case "--chunk-words" -> chunkWords = (int) Math.min(positive(v, a), 1 << 20);
                    case "--reseed-after" -> reseedAfter = positive(v, a);
                    case "--reseed-seconds" -> reseedInterval = Duration.ofSeconds(positive(v, a));
                    case "--personalization" -> personalization = v;
                    default -> throw new IllegalArgumentException("unknown option " + a);
                }
            }
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.println("usage: RawRng [--words N] [--reseed-after N] [--reseed-seconds S] [--personalization TEXT] [--chunk-words N]");
            return 2;
        }
        DrbgRandomSource rng = new DrbgRandomSource(new DrbgRandomSource.Settings(reseedAfter, reseedInterval, personalization));
        byte[] chunk = new byte[chunkWords * 4];
        long written = 0;
        try {
            while (written < words) {
                int n = (int) Math.min(chunkWords, words - written);
                for (int i = 0; i < n; i++) {
                    int w = rng.nextRawWord();
                    int o = i * 4;
                    chunk[o] = (byte) (w >>> 24);
                    chunk[o + 1] = (byte) (w >>> 16);
                    chunk[o + 2] = (byte) (w >>> 8);
                    chunk[o + 3] = (byte) w;
                }
                out.write(chunk, 0, n * 4);
                written += n;
            }
            out.flush();
        } catch (IOException e) {
            err.println("RawRng: output closed after " + written + " words (" + e.getMessage() + "); stopping");
            return 0;
        }
        err.println("RawRng: wrote " + written + " words, " + rng.reseedCount() + " reseeds, " + rng.describe());
        return 0;
    }

    static long positive(String v, String option) {
        try {
            long x = Long.parseLong(v);
            if (x < 1) throw new IllegalArgumentException(option + " must be positive");
            return x;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " must be a positive integer: " + v);
        }
    }
}
