package fr.dataterritoires.datasetsearch.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.test.context.TestPropertySource;

import fr.dataterritoires.datasetsearch.web.dcat.ExportFixtures;

/**
 * The whole service ({@link ServiceTest}) in a context of its own — fresh database, own index — holding the export
 * fixtures ({@link ExportFixtures}) as a harvest leaves them ({@link ExportCatalogue}): counts and orders are those of
 * the fixtures alone. Every class so annotated shares the one context and the one catalogue, stored once.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ServiceTest
@TestPropertySource(properties = "dataterritoires.index.prefix=${dataterritoires.test.namespace}-exports")
@ExtendWith(ExportCatalogue.class)
public @interface ExportCatalogueTest {
}
