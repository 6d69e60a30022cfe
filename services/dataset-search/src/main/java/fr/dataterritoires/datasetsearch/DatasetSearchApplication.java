package fr.dataterritoires.datasetsearch;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** dataset-search: harvest, index and search every discoverable dataset, open or not. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class DatasetSearchApplication {

    public static void main(String[] args) {
        SpringApplication.run(DatasetSearchApplication.class, args);
    }
}
