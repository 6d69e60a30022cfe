package archfixtures.bad.embedded;

public class Engine {
}
