package archfixtures.bad.beta.application;

import archfixtures.bad.alpha.domain.Leaky;

/** Breaks service isolation: beta uses alpha's classes. */
public class Borrower {
    Leaky leaky;
}
