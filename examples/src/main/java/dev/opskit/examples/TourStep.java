package dev.opskit.examples;

import dev.opskit.core.OpsContext;
import java.io.PrintStream;

/** One section of the tour: an example of one part of the operations guide, run against a context. */
public interface TourStep {

  /** {@return a short title, printed as the section heading} */
  String title();

  /**
   * Runs the example.
   *
   * @param ctx the context (bound to the emulator or to whatever endpoint the tour was given)
   * @param out where to say what was done
   */
  void run(OpsContext ctx, PrintStream out);
}
