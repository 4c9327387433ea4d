package dev.dashgen.demo;
public final class DemoWriter {
    public static DemoSummary write(java.nio.file.Path dir, DemoOptions o) throws java.io.IOException {
        throw new java.io.IOException("stand-in until the generator lands");
    }
}
