package org.cleanrank.io;

import java.nio.ByteOrder;

/** A NumPy scalar type descriptor such as {@code <f4}: kind ('f', 'i', 'u', 'b'), size in bytes, byte order. */
public record NpyDtype(char kind, int size, ByteOrder order) {

    public boolean isFloat() {
        return kind == 'f';
    }

    public boolean isInteger() {
        return kind == 'i' || kind == 'u' || kind == 'b';
    }

    @Override
    public String toString() {
        return (size == 1 ? "|" : order == ByteOrder.LITTLE_ENDIAN ? "<" : ">") + kind + size;
    }
}
