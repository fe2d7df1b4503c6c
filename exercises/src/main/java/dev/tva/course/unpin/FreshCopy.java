package dev.tva.course.unpin;

import java.io.IOException;
import java.io.InputStream;

/*
 * A class initializer runs once per class and class loader. To see what the student's initializers do each time, the
 * checks load the student's package again in a class loader of its own for each tenant, as an application server
 * loads each application it hosts: every class of the package is defined anew (so its <clinit> runs anew, on the
 * thread that first uses it), everything else (the interface, the catalogue, the JDK) is shared with this JVM.
 */

/** A class loader that defines the student's package afresh and takes every other class from its parent. */
final class FreshCopy extends ClassLoader {
    static {
        registerAsParallelCapable();
    }

    private final String packagePrefix;

    private FreshCopy(Class<?> original) {
        super("fresh-copy", original.getClassLoader());
        this.packagePrefix = original.getPackageName() + ".";
    }

    /** {@code original}'s class from a fresh copy of its package, loaded but not initialized: the first use runs its initializers. */
    static Class<?> of(Class<?> original) throws ClassNotFoundException {
        return Class.forName(original.getName(), false, new FreshCopy(original));
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (!name.startsWith(packagePrefix)) {
            return super.loadClass(name, resolve);
        }
        synchronized (getClassLoadingLock(name)) {
            Class<?> loaded = findLoadedClass(name);
            if (loaded == null) {
                try (InputStream in = getParent().getResourceAsStream(name.replace('.', '/') + ".class")) {
                    if (in == null) {
                        throw new ClassNotFoundException(name);
                    }
                    byte[] bytes = in.readAllBytes();
                    loaded = defineClass(name, bytes, 0, bytes.length);
                } catch (IOException e) {
                    throw new ClassNotFoundException(name, e);
                }
            }
            if (resolve) {
                resolveClass(loaded);
            }
            return loaded;
        }
    }
}
