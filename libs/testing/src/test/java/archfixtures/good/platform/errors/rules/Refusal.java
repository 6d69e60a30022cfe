package archfixtures.good.platform.errors.rules;

/** The platform's plain-Java error vocabulary: domains may throw it. */
public class Refusal extends RuntimeException {
    public Refusal(String message) { super(message); }
}
