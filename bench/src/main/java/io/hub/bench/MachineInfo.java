package io.hub.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The machine the load generator runs on (in this setup also the hub's machine). */
public record MachineInfo(int cpus, long totalMemoryBytes, String javaVersion, String javaVm, String os) {

    public static MachineInfo detect() {
        return new MachineInfo(
                Runtime.getRuntime().availableProcessors(),
                memTotalBytes(Path.of("/proc/meminfo")),
                System.getProperty("java.version", "?"),
                System.getProperty("java.vm.name", "?") + " " + System.getProperty("java.vm.version", ""),
                System.getProperty("os.name", "?") + " " + System.getProperty("os.version", "") + " "
                        + System.getProperty("os.arch", ""));
    }

    /** {@code MemTotal} from /proc/meminfo in bytes, or -1 if unavailable. */
    static long memTotalBytes(Path meminfo) {
        try {
            return parseMemTotal(Files.readAllLines(meminfo));
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    static long parseMemTotal(List<String> lines) {
        for (String line : lines) {
            if (line.startsWith("MemTotal:")) {
                String[] parts = line.substring("MemTotal:".length()).trim().split("\\s+");
                long kib = Long.parseLong(parts[0]);
                return kib * 1024;
            }
        }
        return -1;
    }
}
