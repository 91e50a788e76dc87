package dev.breakdown.platform.servicetoken;

import java.util.List;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The {@link ServiceToken} bean of every service (from BREAKDOWN_SERVICE_TOKEN), and, in a service that lists
 * {@code breakdown.service-token.protect} path patterns, the check on those paths minus {@code .open} ones.
 */
@AutoConfiguration
public class ServiceTokenAutoConfiguration {

    public static final String PROTECT = "breakdown.service-token.protect";
    public static final String OPEN = "breakdown.service-token.open";

    private static final Log log = LogFactory.getLog(ServiceTokenAutoConfiguration.class);

    @Bean
    @ConditionalOnMissingBean
    public ServiceToken serviceToken(Environment environment) {
        return ServiceToken.of(environment.getProperty(ServiceToken.VARIABLE));
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @ConditionalOnClass(WebMvcConfigurer.class)
    static class Protection {

        @Bean
        WebMvcConfigurer serviceTokenProtection(ServiceToken token, Environment environment) {
            Binder binder = Binder.get(environment);
            List<String> protect = binder.bind(PROTECT, Bindable.listOf(String.class)).orElse(List.of());
            List<String> open = binder.bind(OPEN, Bindable.listOf(String.class)).orElse(List.of());
            if (!protect.isEmpty()) {
                log.info(token.isSet()
                        ? "Paths " + protect + " require the bearer token " + ServiceToken.VARIABLE + ", except " + open
                        : ServiceToken.VARIABLE + " is not set: paths " + protect + " are open to anyone who can"
                                + " reach this port");
            }
            return new WebMvcConfigurer() {
                @Override
                public void addInterceptors(InterceptorRegistry registry) {
                    if (token.isSet() && !protect.isEmpty()) {
                        registry.addInterceptor(new ServiceTokenInterceptor(token)).addPathPatterns(protect)
                                .excludePathPatterns(open);
                    }
                }
            };
        }
    }
}
