package fr.dataterritoires.embedded.postgres;

import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EmbeddedPostgresServerTest {

    @Test
    void startsServesSqlAndStops() throws Exception {
        int port;
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start()) {
            port = server.port();
            assertThat(port).isPositive();
            assertThat(server.jdbcUrl("postgres")).isEqualTo("jdbc:postgresql://127.0.0.1:" + port + "/postgres");

            try (var c = DriverManager.getConnection(server.jdbcUrl("postgres"), server.username(), server.password());
                 var s = c.createStatement()) {
                s.execute("CREATE DATABASE dt_embedded_check");
            }
            try (var c = DriverManager.getConnection(server.jdbcUrl("dt_embedded_check"), server.username(), server.password());
                 var s = c.createStatement()) {
                s.execute("CREATE TABLE territory (code text PRIMARY KEY, name text NOT NULL)");
                s.execute("INSERT INTO territory VALUES ('84', 'Auvergne-Rhône-Alpes')");
                ResultSet rs = s.executeQuery("SELECT name, current_setting('server_version_num')::int FROM territory WHERE code = '84'");
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("Auvergne-Rhône-Alpes");
                assertThat(rs.getInt(2)).isGreaterThanOrEqualTo(170000);
            }
        }
        // Closed means the port no longer accepts connections.
        assertThatThrownBy(() -> {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            }
        }).isInstanceOf(java.io.IOException.class);
    }

    /** A JVM that starts a server and exits without closing it. */
    public static final class Forgetful {
        public static void main(String[] args) {
            EmbeddedPostgresServer server = EmbeddedPostgresServer.start();
            System.out.println("PORT " + server.port());
            System.out.flush();
            System.exit(0);
        }
    }

    @Test
    void serverDoesNotOutliveAJvmThatForgotToCloseIt() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Forgetful.class.getName())
                .redirectErrorStream(true).start();
        int port = -1;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream()))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("PORT ")) {
                    port = Integer.parseInt(line.substring(5).trim());
                }
            }
        }
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(port).isPositive();
        int childPort = port;
        assertThatThrownBy(() -> {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", childPort), 500);
            }
        }).isInstanceOf(java.io.IOException.class);
    }
}
