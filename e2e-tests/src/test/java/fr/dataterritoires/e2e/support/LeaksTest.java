package fr.dataterritoires.e2e.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The leak scan the project journey ends with finds what it looks for, in the forms logs write it. */
class LeaksTest {

    private static final List<String> PERSONAL = List.of("Camille Le Goff", "camille.le.goff@exemple.gouv.fr");

    @Test
    void personalDataAndTokensInServiceLogsAreFoundButNotInTheLaunchersConsole(@TempDir Path run) throws IOException {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String jwt = b64.encodeToString("{\"alg\":\"RS256\"}".getBytes()) + "."
                + b64.encodeToString("{\"sub\":\"agent-1\"}".getBytes()) + "." + b64.encodeToString(new byte[64]);
        Files.writeString(run.resolve("exchanges.log"), """
                {"message":"application submitted","agent":"CAMILLE LE GOFF"}
                {"message":"GET /api/exchanges/agents?email=camille.le.goff%40exemple.gouv.fr 200"}
                {"message":"nothing to see here"}
                """);
        Files.writeString(run.resolve("gateway.log"), "relaying Authorization: Bearer " + jwt + "\n"
                + "opaque Bearer Zm9vYmFyYmF6cXV4cXV1eHF1dXg0Mg\n");
        Files.writeString(run.resolve("launcher.log"), "export TOKEN_AGENT=" + jwt + "\n");

        Leaks.Scan scan = Leaks.inLogs(run, PERSONAL);

        assertThat(scan.scanned()).isEqualTo(2);
        assertThat(scan.leaks()).extracting(Leaks.Leak::where)
                .containsExactly("exchanges.log:1", "exchanges.log:2", "gateway.log:1", "gateway.log:2");
        assertThat(scan.leaks().toString()).doesNotContain(jwt);
    }

    @Test
    void jsonEscapedLettersAreUnescapedBeforeMatching() {
        assertThat(Leaks.personal("e", "{\"name\":\"Ma\\u00eblys Ker\"}", Leaks.forms(List.of("Maëlys Ker"))))
                .hasSize(1);
        assertThat(Leaks.personal("e", "{\"agents\":2,\"category\":\"A\"}", Leaks.forms(PERSONAL))).isEmpty();
    }
}
