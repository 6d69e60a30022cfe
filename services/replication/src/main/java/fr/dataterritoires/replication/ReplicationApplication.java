package fr.dataterritoires.replication;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** replication: registry of successful experiments, acceleration programme, replications, reach and matching. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ReplicationApplication {

    public static void main(String[] args) {
        SpringApplication.run(ReplicationApplication.class, args);
    }
}
