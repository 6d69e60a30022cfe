package archfixtures.bad.platform.errors;

/** Platform code outside the domain-facing vocabulary (stands for the problem mapping). */
public class Mapper {
}
