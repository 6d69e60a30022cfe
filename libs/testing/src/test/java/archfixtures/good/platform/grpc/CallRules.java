package archfixtures.good.platform.grpc;

/** A library package named like an adapter (the platform's gRPC support): services' adapters may use it. */
public final class CallRules {
    public static String anonymous() { return "*"; }
}
