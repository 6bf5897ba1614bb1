package org.cleanrank.cli;

import org.cleanrank.detect.SelfClean;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code --pairs K|all} of {@code selfclean} and {@code near-duplicates}: how many of the closest pairs the
 * ranking keeps, or every pair. {@code demo-embeddings} declares its own (default 'all') with the same
 * {@link Count} converter.
 */
public final class PairsOption {
    @Option(
            names = "--pairs",
            defaultValue = "1000",
            paramLabel = "K|all",
            converter = Count.class,
            description = "pairs to keep: the K closest (default ${DEFAULT-VALUE}) or 'all' (N(N-1)/2 rows)")
    public long count;

    /** K, or {@link SelfClean#ALL_PAIRS} for 'all'; a bad value fails while parsing, before any work. */
    public static final class Count implements ITypeConverter<Long> {
        /** The largest K: a top-K ranking holds its pairs in arrays. */
        static final long MAX = Integer.MAX_VALUE - 16;

        @Override
        public Long convert(String s) {
            if (s.equalsIgnoreCase("all")) {
                return SelfClean.ALL_PAIRS;
            }
            try {
                long k = Long.parseLong(s.trim());
                if (k >= 0 && k <= MAX) {
                    return k;
                }
            } catch (NumberFormatException e) {
                // the message below says what is expected
            }
            throw new TypeConversionException("'" + s + "': expected a count of pairs from 0 to " + MAX + ", or 'all'");
        }
    }
}
