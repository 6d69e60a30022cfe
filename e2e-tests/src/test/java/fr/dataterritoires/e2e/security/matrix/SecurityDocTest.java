package fr.dataterritoires.e2e.security.matrix;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/**
 * {@code docs/security.md} is what {@link AuthorizationMatrix} generates. After changing the matrix, regenerate it:
 * {@code ./mvnw -pl e2e-tests test -Dtest=SecurityDocTest -Dsecurity.matrix.update=true} (the introduction above the
 * marker is kept).
 */
class SecurityDocTest {

    @Test
    void theCommittedMatrixIsTheGeneratedOne() throws Exception {
        String committed = SecurityDoc.read();
        String expected = SecurityDoc.render(committed);
        if (Boolean.getBoolean("security.matrix.update")) {
            Files.writeString(SecurityDoc.file(), expected);
            committed = expected;
        }
        assertThat(committed).as("docs/security.md is stale: regenerate it with "
                        + "./mvnw -pl e2e-tests test -Dtest=SecurityDocTest -Dsecurity.matrix.update=true")
                .isEqualTo(expected);
    }

    @Test
    void everyRoleAndEveryCrossTenantCaseIsAColumn() {
        assertThat(AuthorizationMatrix.rolesCovered()).containsExactlyInAnyOrder(
                fr.dataterritoires.platform.security.Role.values());
        // each row answers for every caller
        for (Entry e : AuthorizationMatrix.entries()) {
            assertThat(e.access().answers()).as(e.key()).hasSize(Caller.values().length);
        }
        assertThat(AuthorizationMatrix.entries().stream().map(e -> e.service() + " " + e.key()).distinct().count())
                .as("a row appears once").isEqualTo(AuthorizationMatrix.entries().size());
    }
}
