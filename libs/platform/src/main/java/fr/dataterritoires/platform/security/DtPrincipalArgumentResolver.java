package fr.dataterritoires.platform.security;

import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springdoc.core.utils.SpringDocUtils;

/** Lets a controller method declare a {@link DtPrincipal} parameter (401 when anonymous). */
public class DtPrincipalArgumentResolver implements HandlerMethodArgumentResolver {

    static {
        // the caller comes from the token, not from the request: springdoc listed it as a query parameter "actor"
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(DtPrincipal.class);
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return DtPrincipal.class.equals(parameter.getParameterType());
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
                                  NativeWebRequest webRequest, WebDataBinderFactory binderFactory) {
        return Actors.current();
    }
}
