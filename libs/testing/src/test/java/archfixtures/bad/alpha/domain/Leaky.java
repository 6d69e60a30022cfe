package archfixtures.bad.alpha.domain;

import archfixtures.bad.alpha.web.Dto;

/** Breaks the plain-Java domain rule. */
public class Leaky {
    Dto dto;
}
