package org.mandate.identity;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.ConversionService;
import org.springframework.core.convert.support.GenericConversionService;
import org.springframework.core.serializer.support.DeserializingConverter;
import org.springframework.core.serializer.support.SerializationFailedException;
import org.springframework.core.serializer.support.SerializingConverter;

/**
 * How staff sessions are written to the database (Spring Session JDBC): Java serialization, as Spring
 * Session does by default, except that a session attribute that no longer reads back (written by an older
 * version of Mandate, or damaged) is dropped instead of failing every request of that browser: the person
 * signs in again.
 */
@Configuration
class SessionStore {

    private static final Logger log = LoggerFactory.getLogger(SessionStore.class);

    @Bean("springSessionConversionService")
    ConversionService springSessionConversionService() {
        GenericConversionService conversions = new GenericConversionService();
        conversions.addConverter(Object.class, byte[].class, new SerializingConverter());
        DeserializingConverter deserializer = new DeserializingConverter(SessionStore.class.getClassLoader());
        conversions.addConverter(byte[].class, Object.class, bytes -> {
            try {
                return deserializer.convert(bytes);
            } catch (SerializationFailedException e) {
                log.info("A stored session attribute no longer reads back and is dropped: {}", e.getMessage());
                return null;
            }
        });
        return conversions;
    }
}
