package fr.dataterritoires.datasetsearch.application.harvest;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.context.annotation.Import;

import fr.dataterritoires.datasetsearch.support.ServiceTest;

/**
 * The whole service against real backends, plus {@link CatalogueTestConfiguration} (a scripted DCAT reader whose
 * records the test writes, and a recording index in front of the real one). All catalogue tests share this context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ServiceTest
@Import(CatalogueTestConfiguration.class)
public @interface CatalogueTest {
}
