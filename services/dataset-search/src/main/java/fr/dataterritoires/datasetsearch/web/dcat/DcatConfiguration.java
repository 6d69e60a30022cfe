package fr.dataterritoires.datasetsearch.web.dcat;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

import fr.dataterritoires.datasetsearch.application.export.CatalogueExport;
import fr.dataterritoires.platform.security.ApiAuthorizationRules;

/** The DCAT-AP export: published metadata, readable by anyone (harvesters come without a token). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CatalogueProperties.class)
class DcatConfiguration {

    @Bean
    DcatExportMapper dcatExportMapper(CatalogueProperties properties) {
        return new DcatExportMapper(properties);
    }

    @Bean
    CatalogueWriter catalogueWriter(CatalogueExport export, DcatExportMapper mapper) {
        return new CatalogueWriter(export, mapper);
    }

    @Bean
    ApiAuthorizationRules dcatCatalogueIsPublic() {
        return rules -> rules
                .requestMatchers(HttpMethod.GET, "/catalog.ttl", "/catalog.jsonld", "/api/catalog",
                        "/api/catalog/datasets/*", "/api/datasets/*.ttl", "/api/datasets/*.jsonld",
                        "/api/datasets/*.rdf")
                .permitAll();
    }
}
