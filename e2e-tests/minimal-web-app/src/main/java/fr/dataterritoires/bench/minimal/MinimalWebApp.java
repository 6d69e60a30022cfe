package fr.dataterritoires.bench.minimal;

import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The smallest Spring Boot 4 web application worth comparing a service with: Spring MVC on Tomcat, Jackson, one JSON
 * endpoint and the actuator's readiness probe. {@code make bench-writes} measures its start-up and resident memory
 * beside the services' in the same run (docs/benchmarks.md).
 */
@SpringBootApplication
@RestController
public class MinimalWebApp {

    public static void main(String[] args) {
        SpringApplication.run(MinimalWebApp.class, args);
    }

    @GetMapping("/api/hello")
    Map<String, String> hello() {
        return Map.of("message", "bonjour");
    }
}
