package io.ankirag.bootstrap.axon;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.Deserializers;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.Serializers;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.UUID;

/**
 * Stores the domain's identifier records ({@code DeckId}, {@code UserId}, ...: a record named {@code *Id}
 * holding one UUID) as the bare UUID string rather than {@code {"value": ...}}: compact, readable in SQL, and
 * the domain stays free of Jackson annotations.
 */
class IdentifierRecordsModule extends SimpleModule {

    IdentifierRecordsModule() {
        super("ankirag-identifier-records");
    }

    @Override
    public void setupModule(SetupContext context) {
        super.setupModule(context);
        context.addSerializers(new Serializers.Base() {
            @Override
            public JsonSerializer<?> findSerializer(SerializationConfig config, JavaType type, BeanDescription description) {
                return isIdentifier(type.getRawClass()) ? new IdSerializer(type.getRawClass()) : null;
            }
        });
        context.addDeserializers(new Deserializers.Base() {
            @Override
            public JsonDeserializer<?> findBeanDeserializer(JavaType type, DeserializationConfig config, BeanDescription description) {
                return isIdentifier(type.getRawClass()) ? new IdDeserializer(type.getRawClass()) : null;
            }
        });
    }

    static boolean isIdentifier(Class<?> type) {
        if (!type.isRecord() || !type.getName().startsWith("io.ankirag.domain.") || !type.getSimpleName().endsWith("Id")) {
            return false;
        }
        RecordComponent[] components = type.getRecordComponents();
        return components.length == 1 && components[0].getType() == UUID.class;
    }

    private static final class IdSerializer extends JsonSerializer<Object> {

        private final RecordComponent component;

        IdSerializer(Class<?> type) {
            this.component = type.getRecordComponents()[0];
        }

        @Override
        public void serialize(Object id, JsonGenerator json, SerializerProvider provider) throws IOException {
            try {
                json.writeString(component.getAccessor().invoke(id).toString());
            } catch (ReflectiveOperationException e) {
                throw new IOException("cannot read " + id.getClass().getSimpleName(), e);
            }
        }
    }

    private static final class IdDeserializer extends JsonDeserializer<Object> {

        private final Constructor<?> constructor;

        IdDeserializer(Class<?> type) {
            try {
                this.constructor = type.getDeclaredConstructor(UUID.class);
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException(type + " has no canonical UUID constructor", e);
            }
        }

        @Override
        public Object deserialize(JsonParser json, DeserializationContext context) throws IOException {
            try {
                return constructor.newInstance(UUID.fromString(json.getValueAsString()));
            } catch (ReflectiveOperationException e) {
                throw new IOException("cannot create " + constructor.getDeclaringClass().getSimpleName(), e);
            }
        }
    }
}
