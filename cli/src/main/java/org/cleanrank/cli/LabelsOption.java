package org.cleanrank.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * {@code --labels} of the commands that run SelfClean's label-error ranking on an embedding matrix
 * ({@code selfclean} and the Spark job's {@code selfclean}); read with {@link IdKeyedInputs#labels}.
 */
public final class LabelsOption {
    @Option(
            names = "--labels",
            paramLabel = "L.npy|L.csv",
            description = "one label per row: integer .npy, or CSV with a 'label' column; with --ids also a CSV"
                    + " keyed by id (columns id,label), joined by id")
    public Path path;
}
