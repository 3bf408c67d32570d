package io.ankirag.bootstrap.config;

import java.io.IOException;
import java.time.Duration;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.PathResourceResolver;

/**
 * Serves the web UI (the {@code static/} folder of the web-ui jar) at {@code /}, in history mode: a GET for a
 * path that names no file and is no API route, such as {@code /cards/42}, answers {@code index.html}, so that a
 * bookmarked or reloaded screen opens in the browser app. Paths under {@code /api} and missing files (a name with
 * an extension) still answer 404 {@code REQ_004}.
 *
 * <p>Vite puts a content hash in every name under {@code /assets}, so those are cached for a year; everything else,
 * {@code index.html} above all, is revalidated on each load, so a new build reaches browsers at once.
 */
@Configuration(proxyBeanMethods = false)
class WebUiConfiguration implements WebMvcConfigurer {

    private static final String STATIC = "classpath:/static/";

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/assets/**")
                .addResourceLocations(STATIC + "assets/")
                .setCacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable());
        registry.addResourceHandler("/**")
                .addResourceLocations(STATIC)
                .setCacheControl(CacheControl.noCache())
                .resourceChain(true)
                .addResolver(new HistoryModeResolver());
    }

    /** Finds the file, or falls back to the app's index.html for client-side routes. */
    static final class HistoryModeResolver extends PathResourceResolver {

        @Override
        protected Resource getResource(String resourcePath, Resource location) throws IOException {
            Resource file = super.getResource(resourcePath, location);
            if (file != null || !isClientRoute(resourcePath)) {
                return file;
            }
            return super.getResource("index.html", location);
        }

        /** A path the Vue router handles: not the API's, and not a file name. */
        static boolean isClientRoute(String resourcePath) {
            String path = resourcePath.startsWith("/") ? resourcePath.substring(1) : resourcePath;
            if (path.equals("api") || path.startsWith("api/")) {
                return false;
            }
            String lastSegment = path.substring(path.lastIndexOf('/') + 1);
            return !lastSegment.contains(".");
        }
    }
}
