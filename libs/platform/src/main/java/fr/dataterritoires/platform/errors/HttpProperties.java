package fr.dataterritoires.platform.errors;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/** {@code dataterritoires.http.*}: limits and strictness of request reading. */
@ConfigurationProperties("dataterritoires.http")
public class HttpProperties {

    /** Largest accepted request body, declared or streamed (chunked); larger ones get a 413. */
    private DataSize maxRequestSize = DataSize.ofMegabytes(1);

    /** Whether a JSON body holding a property the target type does not know is refused (400). */
    private boolean failOnUnknownProperties = true;

    /** Whether validation messages are always French, whatever Accept-Language says. */
    private boolean frenchMessages = true;

    public DataSize getMaxRequestSize() {
        return maxRequestSize;
    }

    public void setMaxRequestSize(DataSize maxRequestSize) {
        this.maxRequestSize = maxRequestSize;
    }

    public boolean isFailOnUnknownProperties() {
        return failOnUnknownProperties;
    }

    public void setFailOnUnknownProperties(boolean failOnUnknownProperties) {
        this.failOnUnknownProperties = failOnUnknownProperties;
    }

    public boolean isFrenchMessages() {
        return frenchMessages;
    }

    public void setFrenchMessages(boolean frenchMessages) {
        this.frenchMessages = frenchMessages;
    }
}
