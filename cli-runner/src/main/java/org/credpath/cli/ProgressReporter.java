package org.credpath.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Progress on standard error: a progress bar with rate and ETA when stderr is a terminal, a plain
 * line every few seconds when it is not (a log file), nothing when quiet; and a closing summary.
 */
final class ProgressReporter implements BatchEvaluator.Progress, AutoCloseable {
  enum Mode { BAR, LINES, QUIET }

  static final long LINE_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(5);

  private final Mode mode;
  private final PrintWriter err;
  private final AtomicLong charsRead;
  private final long totalBytes;
  private final long started = System.nanoTime();
  private final ProgressBar bar;
  private long records;
  private long errors;
  private long lastLine = started;

  ProgressReporter(Mode mode, PrintWriter err, AtomicLong charsRead, long totalBytes) {
    this.mode = mode;
    this.err = err;
    this.charsRead = charsRead;
    this.totalBytes = totalBytes;
    this.bar = mode == Mode.BAR ? new ProgressBarBuilder()
        .setTaskName("credpath")
        .setInitialMax(totalBytes > 0 ? totalBytes : -1)
        .setUnit(" MiB", 1 << 20)
        .setStyle(ProgressBarStyle.ASCII)
        .setUpdateIntervalMillis(250)
        .build() : null;
  }

  /** A bar on a terminal; plain lines otherwise; CREDPATH_PROGRESS=bar|lines|none overrides. */
  static Mode choose(boolean quiet) {
    if (quiet) {
      return Mode.QUIET;
    }
    String forced = System.getenv("CREDPATH_PROGRESS");
    if (forced != null) {
      return switch (forced) {
        case "bar" -> Mode.BAR;
        case "none" -> Mode.QUIET;
        default -> Mode.LINES;
      };
    }
    return stderrIsTerminal() ? Mode.BAR : Mode.LINES;
  }

  private static boolean stderrIsTerminal() {
    try {
      Path target = Files.readSymbolicLink(Path.of("/proc/self/fd/2"));
      return target.toString().startsWith("/dev/pts/") || target.toString().startsWith("/dev/tty");
    } catch (Exception e) {
      return System.console() != null;
    }
  }

  @Override
  public void recordWritten(boolean error) {
    records++;
    errors += error ? 1 : 0;
    if (bar != null) {
      if ((records & 0xff) == 0) {
        bar.stepTo(Math.min(charsRead.get(), totalBytes > 0 ? totalBytes : Long.MAX_VALUE));
        bar.setExtraMessage(String.format(" %,d rec %,d err %,.0f/s", records, errors, rate()));
      }
    } else if (mode == Mode.LINES) {
      long now = System.nanoTime();
      if (now - lastLine >= LINE_INTERVAL_NANOS) {
        lastLine = now;
        err.printf("credpath: %,d records, %,d errors, %.0f s, %,.0f records/s%s%n", records, errors, seconds(),
            rate(), totalBytes > 0 ? String.format(", %.0f%% of input", 100.0 * charsRead.get() / totalBytes) : "");
        err.flush();
      }
    }
  }

  private double seconds() {
    return (System.nanoTime() - started) / 1e9;
  }

  private double rate() {
    return records / Math.max(seconds(), 1e-9);
  }

  /** Ends the bar and prints the summary: records, errors, elapsed, records/s. */
  @Override
  public void close() {
    if (bar != null) {
      bar.stepTo(totalBytes > 0 ? totalBytes : charsRead.get());
      bar.close();
    }
    if (mode != Mode.QUIET) {
      err.printf("credpath: %d record(s), %d error(s), %.1f s, %.0f records/s%n", records, errors, seconds(), rate());
      err.flush();
    }
  }
}
