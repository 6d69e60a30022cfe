package fr.dataterritoires.platform.security.dev;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.dataterritoires.platform.security.Role;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.server.ResponseStatusException;

/** The demo token endpoint hands out any role without credentials: only to callers on this machine. */
class DevIssuerControllerTest {

    @TempDir
    Path keys;

    private Object token(DevIssuerController controller, String remoteAddress) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setRemoteAddr(remoteAddress);
        return controller.token(Role.NATIONAL_COORDINATOR, null, null, null, null, request);
    }

    @Test
    void loopbackCallersGetATokenOthersAreRefused() {
        DevIssuerController controller = new DevIssuerController(new DevTokenMinter(DevIssuerKeys.loadOrCreate(keys)),
                true);
        for (String loopback : new String[] {"127.0.0.1", "0:0:0:0:0:0:0:1", "::1"}) {
            assertThat(token(controller, loopback)).asString().contains("access_token");
        }
        for (String remote : new String[] {"10.1.2.3", "192.168.0.12", "fe80::1"}) {
            assertThatThrownBy(() -> token(controller, remote))
                    .isInstanceOfSatisfying(ResponseStatusException.class,
                            e -> assertThat(e.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN));
        }
    }

    @Test
    void disabledEndpointIsNotFoundEvenForLoopback() {
        DevIssuerController controller = new DevIssuerController(new DevTokenMinter(DevIssuerKeys.loadOrCreate(keys)),
                false);
        assertThatThrownBy(() -> token(controller, "127.0.0.1"))
                .isInstanceOfSatisfying(ResponseStatusException.class,
                        e -> assertThat(e.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND));
    }
}
