package archfixtures.bad.alpha.application;

import archfixtures.bad.alpha.persistence.Repo;

/** Breaks the ports rule: a use case reaching an adapter. */
public class UseCase {
    Repo repo;
}
