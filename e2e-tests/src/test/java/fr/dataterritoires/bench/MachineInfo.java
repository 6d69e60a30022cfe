package fr.dataterritoires.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the figures were measured on, read from the machine itself (/proc, /etc/os-release, the JVM). */
final class MachineInfo {

    private MachineInfo() {
    }

    static Map<String, String> describe() {
        Map<String, String> info = new LinkedHashMap<>();
        info.put("CPU", cpuModel());
        info.put("Cores (nproc)", String.valueOf(Runtime.getRuntime().availableProcessors()));
        info.put("RAM", memTotal());
        info.put("OS", osRelease() + " (kernel " + System.getProperty("os.version") + ", " + System.getProperty("os.arch") + ")");
        info.put("JDK", System.getProperty("java.vm.vendor") + " " + System.getProperty("java.runtime.name") + " "
                + System.getProperty("java.runtime.version"));
        // The machine may be shared: how busy it was, and at what priority the bench ran, tell how far to trust the
        // absolute figures (the ratios compare paths measured under the same conditions).
        info.put("Load average (1, 5, 15 min) when written", loadAverage());
        info.put("Scheduling priority (nice) of the bench", niceness());
        return info;
    }

    private static String loadAverage() {
        List<String> lines = lines(Path.of("/proc/loadavg"));
        if (lines.isEmpty()) {
            return "unknown";
        }
        String[] fields = lines.getFirst().split("\\s+");
        return fields.length < 3 ? "unknown" : fields[0] + ", " + fields[1] + ", " + fields[2];
    }

    /** Field 19 of /proc/self/stat, after the parenthesised command name (which may hold spaces). */
    private static String niceness() {
        List<String> lines = lines(Path.of("/proc/self/stat"));
        if (lines.isEmpty() || lines.getFirst().lastIndexOf(')') < 0) {
            return "unknown";
        }
        String[] fields = lines.getFirst().substring(lines.getFirst().lastIndexOf(')') + 2).split(" ");
        return fields.length > 16 ? fields[16] : "unknown";
    }

    private static String cpuModel() {
        for (String line : lines(Path.of("/proc/cpuinfo"))) {
            if (line.startsWith("model name")) {
                return line.substring(line.indexOf(':') + 1).strip();
            }
        }
        return "unknown";
    }

    private static String memTotal() {
        for (String line : lines(Path.of("/proc/meminfo"))) {
            if (line.startsWith("MemTotal:")) {
                long kib = Long.parseLong(line.replaceAll("\\D+", ""));
                return String.format("%.1f GiB", kib / 1024.0 / 1024.0);
            }
        }
        return "unknown";
    }

    private static String osRelease() {
        for (String line : lines(Path.of("/etc/os-release"))) {
            if (line.startsWith("PRETTY_NAME=")) {
                return line.substring("PRETTY_NAME=".length()).replace("\"", "");
            }
        }
        return System.getProperty("os.name");
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }
}
