package fr.dataterritoires.portal.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

import fr.dataterritoires.platform.errors.ErrorsAutoConfiguration;

/**
 * A file form sent with more than the portal accepts goes back to its form page, which says so in French
 * ({@code ?refus=taille}). Without it the platform's size filter, made for the APIs, answers a browser with a
 * problem+json 413, and Spring Security, unable to read the CSRF token of a multipart body cut short, with a 403.
 * It runs before both, from the declared length alone: the body is never read.
 */
@Configuration(proxyBeanMethods = false)
public class UploadSizeLimit {

    /** The form pages' query parameter and its value. */
    public static final String PARAMETER = "refus";
    public static final String TOO_LARGE = "taille";

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> uploadSizeLimitFilter(
            @Value("${spring.servlet.multipart.max-request-size}") DataSize limit) {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                                            FilterChain chain) throws ServletException, IOException {
                if (isTooLargeUpload(request, limit)) {
                    response.setStatus(HttpStatus.SEE_OTHER.value());
                    response.setHeader("Location", request.getRequestURI() + "?" + PARAMETER + "=" + TOO_LARGE);
                    // the browser may still be sending: do not keep the connection for the rest of the body
                    response.setHeader("Connection", "close");
                    return;
                }
                chain.doFilter(request, response);
            }
        });
        registration.setOrder(ErrorsAutoConfiguration.MAX_REQUEST_SIZE_FILTER_ORDER - 1);
        registration.addUrlPatterns("/*");
        return registration;
    }

    static boolean isTooLargeUpload(HttpServletRequest request, DataSize limit) {
        String type = request.getContentType();
        return "POST".equals(request.getMethod()) && type != null
                && type.toLowerCase(java.util.Locale.ROOT).startsWith(MediaType.MULTIPART_FORM_DATA_VALUE)
                && request.getContentLengthLong() > limit.toBytes();
    }

    /** What the form page says, from the limit the portal applies. */
    public static String refusal(DataSize limit) {
        return "Le fichier dépasse la taille acceptée (" + limit.toMegabytes() + " Mo au plus) : rien n'a été importé. "
                + "Découpez-le en plusieurs fichiers.";
    }
}
