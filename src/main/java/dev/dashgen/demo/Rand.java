package dev.dashgen.demo;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Seeded draws for the generator. Gaussians use Box–Muller over {@link StrictMath} rather than
 * {@code nextGaussian()}, so the sequence, and thus the workspace, is the same on every JDK and CPU.
 */
final class Rand {
    private final SplittableRandom random;

    Rand(long seed) {
        random = new SplittableRandom(seed);
    }

    int below(int bound) {
        return random.nextInt(bound);
    }

    long nextLong() {
        return random.nextLong();
    }

    double uniform() {
        return random.nextDouble();
    }

    double uniform(double from, double to) {
        return from + (to - from) * random.nextDouble();
    }

    boolean chance(double probability) {
        return random.nextDouble() < probability;
    }

    double gaussian() {
        double u1 = 1.0 - random.nextDouble();
        double u2 = random.nextDouble();
        return StrictMath.sqrt(-2.0 * StrictMath.log(u1)) * StrictMath.cos(2.0 * StrictMath.PI * u2);
    }

    double lognormal(double median, double sigma) {
        return median * StrictMath.exp(sigma * gaussian());
    }

    double exponential(double mean) {
        return -mean * StrictMath.log(1.0 - random.nextDouble());
    }

    <T> T pick(List<T> items) {
        return items.get(random.nextInt(items.size()));
    }

    /** An index drawn with the given relative weights. */
    int weighted(int... weights) {
        int total = 0;
        for (int w : weights) total += w;
        int draw = random.nextInt(total);
        for (int i = 0; i < weights.length; i++) {
            draw -= weights[i];
            if (draw < 0) return i;
        }
        throw new IllegalStateException("unreachable: weights " + total);
    }
}
