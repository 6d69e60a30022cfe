package fr.dataterritoires.embedded.elasticsearch;

import org.elasticsearch.Build;
import org.elasticsearch.plugins.Plugin;
import org.elasticsearch.plugins.PluginBundle;
import org.elasticsearch.plugins.PluginDescriptor;
import org.elasticsearch.plugins.PluginsLoader;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds a {@link PluginsLoader} whose plugins are classes already on the application class path.
 *
 * <p>Elasticsearch has no public API for this: a distribution loads modules and plugins from jars under
 * {@code modules/} and {@code plugins/}, each in its own module layer, and its test framework ({@code MockNode},
 * {@code MockPluginsService}) relies on package-private types of {@code org.elasticsearch.node} and
 * {@code org.elasticsearch.plugins}. Rather than splitting those packages into our jar, two package-private
 * members are reached by reflection (possible because Elasticsearch runs in the unnamed module here):
 * the {@code PluginBundle(PluginDescriptor, Path)} constructor and the
 * {@code PluginsLoader(Set, Set, Map)} constructor. Each plugin is presented as a "module" layer whose
 * class loader is the class loader of its class, which is exactly what {@code PluginsService} checks before
 * instantiating it. Verified against Elasticsearch 9.5.3; a version bump may need this class adjusted.
 */
final class ClasspathPluginsLoader {

    private ClasspathPluginsLoader() {
    }

    /** The layer {@code PluginsService} iterates over: our own implementation of the public interface. */
    private record ClasspathPluginLayer(PluginBundle pluginBundle, ClassLoader pluginClassLoader)
        implements PluginsLoader.PluginLayer {

        @Override
        public ModuleLayer pluginModuleLayer() {
            return null;
        }
    }

    /**
     * @param bundlesDir    a writable directory for the (empty) bundle directories
     * @param pluginClasses plugin classes by plugin name, in load order
     */
    static PluginsLoader create(Path bundlesDir, Map<String, Class<? extends Plugin>> pluginClasses) throws IOException {
        Set<PluginBundle> bundles = new LinkedHashSet<>();
        Map<String, PluginsLoader.PluginLayer> layers = new LinkedHashMap<>();
        for (Map.Entry<String, Class<? extends Plugin>> entry : pluginClasses.entrySet()) {
            String name = entry.getKey();
            Class<? extends Plugin> pluginClass = entry.getValue();
            PluginDescriptor descriptor = new PluginDescriptor(
                name,
                "classpath plugin of the embedded node",
                Build.current().version(),
                Build.current().version(),
                Integer.toString(Runtime.version().feature()),
                pluginClass.getName(),
                null,
                List.of(),
                false,
                false,
                false,
                false,
                PluginDescriptor.DeploymentTarget.ALL
            );
            // The bundle directory only has to exist and hold no jar: the classes come from the class path.
            Path dir = Files.createDirectories(bundlesDir.resolve(name));
            PluginBundle bundle = newBundle(descriptor, dir);
            bundles.add(bundle);
            layers.put(name, new ClasspathPluginLayer(bundle, pluginClass.getClassLoader()));
        }
        return newLoader(bundles, layers);
    }

    private static PluginBundle newBundle(PluginDescriptor descriptor, Path dir) {
        try {
            Constructor<PluginBundle> constructor = PluginBundle.class.getDeclaredConstructor(PluginDescriptor.class, Path.class);
            constructor.setAccessible(true);
            return constructor.newInstance(descriptor, dir);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot create a plugin bundle for " + descriptor.getClassname()
                + " (has the Elasticsearch version changed?)", e);
        }
    }

    private static PluginsLoader newLoader(Set<PluginBundle> modules, Map<String, PluginsLoader.PluginLayer> layers) {
        try {
            Constructor<PluginsLoader> constructor = PluginsLoader.class.getDeclaredConstructor(Set.class, Set.class, Map.class);
            constructor.setAccessible(true);
            // The map is declared with the package-private LoadedPluginLayer record, but only read through the public
            // PluginLayer interface (PluginsLoader#pluginLayers), so our own layer implementation is safe after erasure.
            return constructor.newInstance(modules, Set.of(), layers);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot create the Elasticsearch plugins loader (has the Elasticsearch version changed?)", e);
        }
    }
}
