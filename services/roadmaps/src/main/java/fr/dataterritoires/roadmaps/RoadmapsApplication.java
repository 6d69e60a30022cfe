package fr.dataterritoires.roadmaps;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** roadmaps: governance bodies, committee roadmaps, ministerial territorial sections, review and arbitration. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class RoadmapsApplication {

    public static void main(String[] args) {
        SpringApplication.run(RoadmapsApplication.class, args);
    }
}
