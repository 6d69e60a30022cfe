package fr.dataterritoires.exchanges;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** exchanges: short exchanges of agents between State and local administrations, and data trainings. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ExchangesApplication {

    public static void main(String[] args) {
        SpringApplication.run(ExchangesApplication.class, args);
    }
}
