package archfixtures.bad.alpha.persistence;

public class Repo {
}
