package fr.dataterritoires.platform.errors.sqlbudget;

import fr.dataterritoires.contracts.datasetsearch.v1.DatasetDirectoryGrpc;
import fr.dataterritoires.contracts.datasetsearch.v1.DatasetSummary;
import fr.dataterritoires.contracts.datasetsearch.v1.GetDatasetRequest;
import io.grpc.stub.StreamObserver;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * A service whose gRPC reads run SQL on its own PostgreSQL database, through the DataSource Spring Boot makes with the
 * platform's defaults (a {@code statement_timeout} on every connection, {@code DT_SQL_STATEMENT_TIMEOUT}). No broker:
 * its auto-configurations are left out.
 */
@SpringBootApplication(excludeName = {
        "org.springframework.boot.amqp.autoconfigure.RabbitAutoConfiguration",
        "org.apache.camel.spring.boot.CamelAutoConfiguration"})
public class SqlGrpcTestApplication {

    /**
     * {@code GetDataset} as a service would implement it on its database: {@code budget} answers the connection's
     * statement time budget as PostgreSQL states it (title); {@code slow} runs a query of 2 s.
     */
    @Service
    static class SqlDatasetDirectory extends DatasetDirectoryGrpc.DatasetDirectoryImplBase {

        private final JdbcTemplate jdbc;

        SqlDatasetDirectory(JdbcTemplate jdbc) {
            this.jdbc = jdbc;
        }

        @Override
        public void getDataset(GetDatasetRequest request, StreamObserver<DatasetSummary> responses) {
            String title = switch (request.getDatasetId()) {
                case "budget" -> jdbc.queryForObject("SHOW statement_timeout", String.class);
                case "slow" -> {
                    jdbc.queryForList("SELECT pg_sleep(2)");
                    yield "never";
                }
                default -> throw new IllegalArgumentException("unknown test dataset " + request.getDatasetId());
            };
            responses.onNext(DatasetSummary.newBuilder().setDatasetId(request.getDatasetId()).setTitle(title).build());
            responses.onCompleted();
        }
    }
}
