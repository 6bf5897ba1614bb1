package org.cleanrank.cli;

import picocli.CommandLine.Option;

/** {@code --seed S} of the two demo commands: the seed of the synthetic dataset generator. */
final class DemoSeedOption {
    @Option(
            names = "--seed",
            defaultValue = "42",
            paramLabel = "S",
            description = "generator seed (default ${DEFAULT-VALUE})")
    long value;
}
