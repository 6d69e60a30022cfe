package fr.dataterritoires.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The machine description read from /proc: the figures' context, including how busy the machine was. */
class MachineInfoTest {

    @Test
    void describesTheLoadAndThePriorityTheBenchRanAt() throws Exception {
        Map<String, String> info = MachineInfo.describe();

        assertThat(info.get("Load average (1, 5, 15 min) when written")).matches("\\d+\\.\\d+, \\d+\\.\\d+, \\d+\\.\\d+");
        // what ps says of this JVM's priority, read another way than /proc/self/stat's fields
        Process ps = new ProcessBuilder("ps", "-o", "ni=", "-p", String.valueOf(ProcessHandle.current().pid())).start();
        String expected = new String(ps.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(ps.waitFor()).isZero();
        assertThat(info.get("Scheduling priority (nice) of the bench")).isEqualTo(expected);
    }
}
