package fr.dataterritoires.platform.errors;

import java.util.Locale;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.http.converter.autoconfigure.ServerHttpMessageConvertersCustomizer;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.i18n.FixedLocaleResolver;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * RFC 9457 problems for every error of a servlet service, a request size limit, and strict JSON
 * reading of request bodies (unknown enum values, and by default unknown properties, are refused).
 */
@AutoConfiguration(after = JacksonAutoConfiguration.class,
        before = {WebMvcAutoConfiguration.class, ErrorMvcAutoConfiguration.class})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(HttpProperties.class)
public class ErrorsAutoConfiguration {

    /** Before Spring Security's filter chain (-100), so that an oversized body is refused before any work. */
    public static final int MAX_REQUEST_SIZE_FILTER_ORDER = Ordered.HIGHEST_PRECEDENCE + 50;

    @Bean
    @ConditionalOnMissingBean
    public ProblemResponseWriter problemResponseWriter(JsonMapper jsonMapper) {
        return new ProblemResponseWriter(jsonMapper);
    }

    @Bean
    @ConditionalOnMissingBean
    public ProblemExceptionHandler problemExceptionHandler() {
        return new ProblemExceptionHandler();
    }

    @Bean
    @ConditionalOnMissingBean(ErrorController.class)
    public ProblemErrorController problemErrorController() {
        return new ProblemErrorController();
    }

    @Bean
    public FilterRegistrationBean<MaxRequestSizeFilter> maxRequestSizeFilter(HttpProperties properties,
                                                                            ProblemResponseWriter writer) {
        FilterRegistrationBean<MaxRequestSizeFilter> registration = new FilterRegistrationBean<>(
                new MaxRequestSizeFilter(properties.getMaxRequestSize().toBytes(), writer));
        registration.setOrder(MAX_REQUEST_SIZE_FILTER_ORDER);
        registration.addUrlPatterns("/*");
        return registration;
    }

    /** Users are French: Bean Validation messages are interpolated in French whatever the Accept-Language. */
    @Bean(name = DispatcherServlet.LOCALE_RESOLVER_BEAN_NAME)
    @ConditionalOnMissingBean(name = DispatcherServlet.LOCALE_RESOLVER_BEAN_NAME)
    @ConditionalOnProperty(name = "dataterritoires.http.french-messages", matchIfMissing = true)
    public LocaleResolver localeResolver() {
        return new FixedLocaleResolver(Locale.FRENCH);
    }

    /**
     * Strictness applies to the HTTP message converter only: the application's shared JsonMapper
     * stays tolerant, as event consumers must be (tolerant reader).
     */
    @Bean
    public ServerHttpMessageConvertersCustomizer strictJsonRequestBodies(JsonMapper jsonMapper,
                                                                         HttpProperties properties) {
        JsonMapper strict = jsonMapper.rebuild()
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, properties.isFailOnUnknownProperties())
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(EnumFeature.READ_UNKNOWN_ENUM_VALUES_AS_NULL)
                .disable(EnumFeature.READ_UNKNOWN_ENUM_VALUES_USING_DEFAULT_VALUE)
                .enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .build();
        return builder -> builder.configureMessageConvertersList(converters -> converters.replaceAll(
                converter -> converter instanceof JacksonJsonHttpMessageConverter
                        ? new JacksonJsonHttpMessageConverter(strict) : converter));
    }
}
