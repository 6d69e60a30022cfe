package fr.dataterritoires.platform.errors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import fr.dataterritoires.testing.backends.Backends;
import fr.dataterritoires.testing.backends.PostgresBackend;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * PostgreSQL puts row values in its errors ({@code Key (email)=(…) already exists}): a controller
 * failing on a real database must log the error's class, SQLState and constraint, never the
 * values, while the client still gets the generic problem.
 */
@ExtendWith(OutputCaptureExtension.class)
class SqlErrorLoggingTest {

    private static final String EMAIL = "jean.dupont@example.fr";

    private MockMvc mvc;

    @BeforeEach
    void setUp() {
        PostgresBackend postgres = Backends.postgres();
        DriverManagerDataSource dataSource = new DriverManagerDataSource(postgres.createDatabase("errors"),
                postgres.username(), postgres.password());
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        jdbc.execute("CREATE TABLE person (id serial PRIMARY KEY, email text CONSTRAINT person_email_key UNIQUE)");
        jdbc.update("INSERT INTO person (email) VALUES (?)", EMAIL);
        mvc = MockMvcBuilders.standaloneSetup(new PeopleController(jdbc))
                .setControllerAdvice(new ProblemExceptionHandler())
                .build();
    }

    @Test
    void anIntegrityViolationIsLoggedWithoutTheValues(CapturedOutput output) throws Exception {
        MvcResult result = mvc.perform(post("/people")).andReturn();

        assertThat(result.getResponse().getStatus()).isEqualTo(409);
        assertThat(result.getResponse().getContentAsString()).contains(ProblemTypes.CONFLIT).doesNotContain(EMAIL);
        assertThat(output.getAll())
                .contains("Data integrity violation on /people")
                .contains("DuplicateKeyException")
                .contains("SQLState 23505")
                .contains("constraint person_email_key")
                .contains("PeopleController.create") // the stack frames are kept
                .doesNotContain(EMAIL)
                .doesNotContain("jean.dupont");
    }

    @Test
    void anUnexpectedErrorCausedByTheDatabaseIsLoggedWithItsIdWithoutTheValues(CapturedOutput output)
            throws Exception {
        MvcResult result = mvc.perform(post("/people/sync")).andReturn();

        assertThat(result.getResponse().getStatus()).isEqualTo(500);
        String body = result.getResponse().getContentAsString();
        assertThat(body).contains(ProblemTypes.ERREUR_INTERNE).doesNotContain(EMAIL);
        String errorId = body.replaceAll("(?s).*\"errorId\"\\s*:\\s*\"([^\"]+)\".*", "$1");
        assertThat(errorId).isNotBlank().doesNotContain("{");
        assertThat(output.getAll())
                .contains("Unexpected error " + errorId)
                .contains("IllegalStateException")
                .contains("SQLState 23505")
                .contains("constraint person_email_key")
                .doesNotContain("jean.dupont");
    }

    @RestController
    static class PeopleController {

        private final JdbcTemplate jdbc;

        PeopleController(JdbcTemplate jdbc) {
            this.jdbc = jdbc;
        }

        @PostMapping("/people")
        void create() {
            jdbc.update("INSERT INTO person (email) VALUES (?)", EMAIL);
        }

        @PostMapping("/people/sync")
        void sync() {
            try {
                create();
            } catch (RuntimeException e) {
                // a wrapper whose own message repeats the value: the whole chain's messages are withheld
                throw new IllegalStateException("Synchronisation failed for " + EMAIL, e);
            }
        }
    }
}
