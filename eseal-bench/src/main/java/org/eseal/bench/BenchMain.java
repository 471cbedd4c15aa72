package org.eseal.bench;

import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;

/**
 * Runs the benchmarks (JMH command-line options are accepted) and prints, for each input size, the
 * cost of eseal and of bare iText as ratios to the floor.
 */
public final class BenchMain {
  private BenchMain() {}

  /** Entry point of {@code benchmarks.jar}. */
  public static void main(String[] args) throws RunnerException, CommandLineOptionException {
    Collection<RunResult> results = new Runner(new CommandLineOptions(args)).run();

    Map<String, Map<String, Double>> bySize = new TreeMap<>();
    for (RunResult result : results) {
      String method = result.getParams().getBenchmark();
      method = method.substring(method.lastIndexOf('.') + 1);
      String size = result.getParams().getParam("megabytes");
      bySize
          .computeIfAbsent(size, k -> new TreeMap<>())
          .put(method, result.getPrimaryResult().getScore());
    }

    System.out.println();
    System.out.println(
        "size    floor ms   eseal ms  in-memory   iText ms  eseal/floor in-memory/floor"
            + "  iText/floor  eseal/iText");
    bySize.forEach(
        (size, scores) -> {
          double floor = scores.getOrDefault("floor", Double.NaN);
          double eseal = scores.getOrDefault("eseal", Double.NaN);
          double memory = scores.getOrDefault("esealInMemory", Double.NaN);
          double itext = scores.getOrDefault("bareItext", Double.NaN);
          System.out.printf(
              "%3s MB %10.2f %10.2f %10.2f %10.2f %11.2fx %14.2fx %11.2fx %11.2fx%n",
              size,
              floor,
              eseal,
              memory,
              itext,
              eseal / floor,
              memory / floor,
              itext / floor,
              eseal / itext);
        });
  }
}
