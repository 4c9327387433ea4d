package dev.dashgen.site;

import io.pebbletemplates.pebble.attributes.AttributeResolver;
import io.pebbletemplates.pebble.attributes.ResolvedAttribute;
import io.pebbletemplates.pebble.error.PebbleException;
import io.pebbletemplates.pebble.extension.AbstractExtension;
import io.pebbletemplates.pebble.node.ArgumentsNode;
import io.pebbletemplates.pebble.template.EvaluationContextImpl;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Attributes of records ({@code t.title}, {@code view.laneLabel}) read through a method handle found once per record
 * class and name. Pebble's own resolver makes a cache key, an array of argument types and a reflective call for every
 * access, and a page reads dozens.
 * <p>
 * It picks the method Pebble would: the first of {@code getX}, {@code isX}, {@code hasX} and {@code x} that a
 * public method without parameters is named, ignoring case, the first such in {@link Class#getMethods()}'s order.
 * Whatever it does not settle it leaves to Pebble, which comes after it: an attribute with arguments, a record that is
 * also a collection or a map (Pebble looks at those interfaces first), a name no such method has, and a method the
 * record does not declare itself ({@code getClass}, an interface's default), which Pebble may refuse.
 */
final class RecordAttributes implements AttributeResolver {
    /** Registers the resolver ahead of Pebble's own, which the engine always puts last. */
    static final class Extension extends AbstractExtension {
        @Override
        public List<AttributeResolver> getAttributeResolver() {
            return List.of(new RecordAttributes());
        }
    }

    private static final MethodType GETTER = MethodType.methodType(Object.class, Object.class);

    /** The method an attribute reads, and its name for Pebble's message when it throws. */
    private record Getter(MethodHandle handle, String method) {}

    /** A name this resolver leaves to Pebble. */
    private static final Getter UNSETTLED = new Getter(null, null);
    private static final String[] PREFIXES = {"get", "is", "has", ""};

    /** Each record class's getters by attribute name; none for other classes, which are Pebble's. */
    private static final ClassValue<Map<String, Getter>> BY_CLASS = new ClassValue<>() {
        @Override
        protected Map<String, Getter> computeValue(Class<?> type) {
            return type.isRecord() ? new ConcurrentHashMap<>() : null;
        }
    };

    @Override
    public ResolvedAttribute resolve(Object instance, Object attributeNameValue, Object[] argumentValues,
                                     ArgumentsNode args, EvaluationContextImpl context, String filename, int lineNumber) {
        if (instance == null || argumentValues != null) return null;
        Class<?> type = instance.getClass();
        Map<String, Getter> getters = BY_CLASS.get(type);
        if (getters == null) return null;
        String name = String.valueOf(attributeNameValue);
        Getter getter = getters.get(name);
        if (getter == null) getters.put(name, getter = getter(type, name));
        if (getter == UNSETTLED) return null;
        try {
            return new ResolvedAttribute((Object) getter.handle().invokeExact(instance));
        } catch (Throwable e) { // what the method threw, wrapped as Pebble wraps it
            throw new PebbleException(e, "Could not call " + getter.method(), lineNumber, filename);
        }
    }

    private static Getter getter(Class<?> type, String name) {
        if (name.isEmpty() || Collection.class.isAssignableFrom(type) || Map.class.isAssignableFrom(type)
                || Map.Entry.class.isAssignableFrom(type) || Iterable.class.isAssignableFrom(type)) {
            return UNSETTLED;
        }
        String capitalized = Character.toUpperCase(name.charAt(0)) + name.substring(1);
        for (String prefix : PREFIXES) {
            Method chosen = firstNamed(type, prefix.isEmpty() ? name : prefix + capitalized);
            if (chosen == null) continue;
            if (chosen.getDeclaringClass() != type || Modifier.isStatic(chosen.getModifiers())) return UNSETTLED;
            try {
                chosen.setAccessible(true);
                return new Getter(MethodHandles.lookup().unreflect(chosen).asType(GETTER), chosen.getName());
            } catch (IllegalAccessException | RuntimeException e) {
                return UNSETTLED;
            }
        }
        return UNSETTLED;
    }

    /** Pebble's candidate: the first public method without parameters so named, ignoring case. */
    private static Method firstNamed(Class<?> type, String name) {
        for (Method m : type.getMethods()) {
            if (m.getParameterCount() == 0 && m.getName().equalsIgnoreCase(name)) return m;
        }
        return null;
    }
}
