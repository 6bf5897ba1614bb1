package org.cleanrank.io;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.stream.LongStream;
import org.cleanrank.CleanRankException;

/**
 * A NumPy {@code .npy} array, memory-mapped with {@code java.lang.foreign} (the data is never copied
 * onto the heap by this class). Reads format versions 1.0, 2.0 and 3.0, C order, little and big endian,
 * dtypes float32/float64 and the signed/unsigned integers and bool. Anything else is refused with a
 * one-line {@link CleanRankException} naming the file.
 *
 * <p>Close it (try-with-resources) to unmap the file.
 */
public final class NpyArray implements AutoCloseable {
    private final Path path;
    private final Arena arena;
    private final MemorySegment data;
    private final NpyHeader header;

    private NpyArray(Path path, Arena arena, MemorySegment data, NpyHeader header) {
        this.path = path;
        this.arena = arena;
        this.data = data;
        this.header = header;
    }

    /** Opens and maps {@code path}; checks the header and that the file holds all the data it declares. */
    public static NpyArray open(Path path) {
        if (!Files.exists(path)) {
            throw new CleanRankException(path + ": no such file; check the path");
        }
        if (Files.isDirectory(path)) {
            throw new CleanRankException(path + ": is a directory, expected a .npy file");
        }
        Arena arena = Arena.ofShared();
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
            long size = ch.size();
            MemorySegment whole =
                    size == 0 ? MemorySegment.NULL : ch.map(FileChannel.MapMode.READ_ONLY, 0, size, arena);
            NpyHeader header = NpyHeader.parse(path, whole, size);
            long need =
                    header.dataOffset() + header.elementCount() * header.dtype().size();
            if (size < need) {
                throw new CleanRankException(path + ": truncated .npy file (" + size + " bytes, header promises " + need
                        + "); re-export the array");
            }
            MemorySegment data = whole.asSlice(
                    header.dataOffset(), header.elementCount() * header.dtype().size());
            return new NpyArray(path, arena, data, header);
        } catch (NoSuchFileException e) {
            arena.close();
            throw new CleanRankException(path + ": no such file; check the path", e);
        } catch (IOException e) {
            arena.close();
            throw new CleanRankException(path + ": cannot read (" + e.getMessage() + ")", e);
        } catch (RuntimeException e) {
            arena.close();
            throw e;
        }
    }

    public Path path() {
        return path;
    }

    public long[] shape() {
        return header.shape().clone();
    }

    public NpyDtype dtype() {
        return header.dtype();
    }

    public long elementCount() {
        return header.elementCount();
    }

    /** Element {@code index} (flat, C order) as a double. */
    public double getDouble(long index) {
        NpyDtype t = header.dtype();
        long off = index * t.size();
        return switch (t.kind()) {
            case 'f' -> t.size() == 4 ? data.get(floatLayout(t), off) : data.get(doubleLayout(t), off);
            default -> getLong(index);
        };
    }

    /** Element {@code index} (flat, C order) as a long; floats must be integral. */
    public long getLong(long index) {
        NpyDtype t = header.dtype();
        long off = index * t.size();
        ByteOrder bo = t.order();
        return switch (t.kind()) {
            case 'b' -> data.get(ValueLayout.JAVA_BYTE, off) != 0 ? 1 : 0;
            case 'i' ->
                switch (t.size()) {
                    case 1 -> data.get(ValueLayout.JAVA_BYTE, off);
                    case 2 -> data.get(ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(bo), off);
                    case 4 -> data.get(ValueLayout.JAVA_INT_UNALIGNED.withOrder(bo), off);
                    default -> data.get(ValueLayout.JAVA_LONG_UNALIGNED.withOrder(bo), off);
                };
            case 'u' ->
                switch (t.size()) {
                    case 1 -> data.get(ValueLayout.JAVA_BYTE, off) & 0xFF;
                    case 2 -> data.get(ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(bo), off) & 0xFFFF;
                    case 4 -> data.get(ValueLayout.JAVA_INT_UNALIGNED.withOrder(bo), off) & 0xFFFFFFFFL;
                    default -> data.get(ValueLayout.JAVA_LONG_UNALIGNED.withOrder(bo), off);
                };
            default -> {
                double v = getDouble(index);
                if (v != Math.rint(v) || Double.isInfinite(v)) {
                    throw new CleanRankException(path + ": element " + index + " is " + v
                            + ", expected an integer; store labels as integers");
                }
                yield (long) v;
            }
        };
    }

    /** Every element (flat, C order) as a double, copied onto the heap. */
    public double[] toDoubleArray() {
        return LongStream.range(0, elementCount()).mapToDouble(this::getDouble).toArray();
    }

    /** Every element (flat, C order) as a long, copied onto the heap; floats must be integral. */
    public long[] toLongArray() {
        return LongStream.range(0, elementCount()).map(this::getLong).toArray();
    }

    /** Opens {@code path}, copies every element as a double and unmaps the file. */
    public static double[] readDoubles(Path path) {
        try (NpyArray a = open(path)) {
            return a.toDoubleArray();
        }
    }

    /** Opens {@code path}, copies every element as a long and unmaps the file. */
    public static long[] readLongs(Path path) {
        try (NpyArray a = open(path)) {
            return a.toLongArray();
        }
    }

    /** Copies row {@code row} of a 2-D float array into {@code dst} as doubles. */
    public void readRow(long row, double[] dst) {
        int cols = dst.length;
        NpyDtype t = header.dtype();
        long base = row * cols * t.size();
        if (t.size() == 4) {
            ValueLayout.OfFloat l = floatLayout(t);
            for (int k = 0; k < cols; k++) {
                dst[k] = data.get(l, base + 4L * k);
            }
        } else {
            ValueLayout.OfDouble l = doubleLayout(t);
            for (int k = 0; k < cols; k++) {
                dst[k] = data.get(l, base + 8L * k);
            }
        }
    }

    private static ValueLayout.OfFloat floatLayout(NpyDtype t) {
        return ValueLayout.JAVA_FLOAT_UNALIGNED.withOrder(t.order());
    }

    private static ValueLayout.OfDouble doubleLayout(NpyDtype t) {
        return ValueLayout.JAVA_DOUBLE_UNALIGNED.withOrder(t.order());
    }

    @Override
    public void close() {
        arena.close();
    }

    @Override
    public String toString() {
        return path + " " + header.dtype() + " " + Arrays.toString(header.shape());
    }
}
