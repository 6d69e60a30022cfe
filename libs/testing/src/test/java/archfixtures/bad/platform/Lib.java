package archfixtures.bad.platform;

import archfixtures.bad.alpha.persistence.Repo;

/** Breaks the direction libs <- services. */
public class Lib {
    Repo repo;
}
