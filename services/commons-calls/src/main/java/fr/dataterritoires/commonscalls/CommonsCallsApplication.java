package fr.dataterritoires.commonscalls;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** commons-calls: funders, calls for commons and innovation calls, evaluation, awards, grants and the préciput ledger. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class CommonsCallsApplication {

    public static void main(String[] args) {
        SpringApplication.run(CommonsCallsApplication.class, args);
    }
}
