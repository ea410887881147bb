package org.mandate.shared;

/** Something set for the current thread until closed (a try-with-resources block around a request). */
public interface ThreadScope extends AutoCloseable {

    @Override
    void close();
}
