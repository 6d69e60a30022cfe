package archfixtures.good.platform;

public final class Problems {
    public static String none() { return ""; }
}
