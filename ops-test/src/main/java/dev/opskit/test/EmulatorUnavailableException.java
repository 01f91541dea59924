package dev.opskit.test;

/**
 * No AWS API emulator could be had: moto is not installed, Docker does not run, and
 * {@value Emulator#ENDPOINT_ENV} is not set. The message says how to get one.
 */
public final class EmulatorUnavailableException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what was tried and how to get an emulator
   */
  public EmulatorUnavailableException(String message) {
    super(message);
  }
}
