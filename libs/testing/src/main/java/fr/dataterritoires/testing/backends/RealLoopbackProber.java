package fr.dataterritoires.testing.backends;

import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Probes real servers; every probe gives up within a few seconds. */
final class RealLoopbackProber implements LoopbackProber {

    private static final int CONNECT_TIMEOUT_MS = 1_000;
    private static final Pattern VERSION_NUMBER = Pattern.compile(
            "\"version\"\\s*:\\s*\\{[^}]*?\"number\"\\s*:\\s*\"([^\"]+)\"", Pattern.DOTALL);

    @Override
    public boolean postgres(String host, int port, String username, String password) {
        if (!tcpOpen(host, port)) {
            return false;
        }
        Properties props = new Properties();
        props.setProperty("user", username);
        props.setProperty("password", password == null ? "" : password);
        props.setProperty("connectTimeout", "2");
        props.setProperty("loginTimeout", "3");
        props.setProperty("socketTimeout", "5");
        try (var connection = DriverManager.getConnection("jdbc:postgresql://" + host + ":" + port + "/postgres", props);
             var statement = connection.createStatement();
             var rs = statement.executeQuery("SELECT 1")) {
            return rs.next();
        } catch (Exception e) {
            return false;
        }
    }

    @Override
    public boolean amqp(String host, int port, String username, String password, String virtualHost) {
        if (!tcpOpen(host, port)) {
            return false;
        }
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost(host);
        factory.setPort(port);
        factory.setUsername(username);
        factory.setPassword(password);
        factory.setVirtualHost(virtualHost);
        factory.setConnectionTimeout(2_000);
        factory.setHandshakeTimeout(3_000);
        factory.setAutomaticRecoveryEnabled(false);
        try (Connection connection = factory.newConnection("dt-backend-probe")) {
            return connection.isOpen();
        } catch (Exception e) {
            return false;
        }
    }

    @Override
    public Optional<String> elasticsearch(String baseUrl) {
        try {
            URI uri = URI.create(baseUrl);
            int port = uri.getPort() > 0 ? uri.getPort() : ("https".equals(uri.getScheme()) ? 443 : 80);
            if (!tcpOpen(uri.getHost(), port)) {
                return Optional.empty();
            }
            try (HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build()) {
                HttpRequest request = HttpRequest.newBuilder(URI.create(stripSlash(baseUrl) + "/"))
                        .timeout(Duration.ofSeconds(3)).header("Accept", "application/json").GET().build();
                HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 200) {
                    return Optional.empty();
                }
                return versionOf(response.body());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    /** Extracts {@code version.number} from the JSON of Elasticsearch's root endpoint. */
    static Optional<String> versionOf(String json) {
        if (json == null) {
            return Optional.empty();
        }
        Matcher m = VERSION_NUMBER.matcher(json);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static boolean tcpOpen(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), CONNECT_TIMEOUT_MS);
            return true;
        } catch (Exception e) {
            return false;
        }
    }
}
