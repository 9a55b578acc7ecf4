package org.negotiate.cli;

import picocli.CommandLine;

/**
 * A seed as the tool prints it: a signed 64-bit number (manifest, scenario) or an unsigned one (the
 * {@code seed} column of outcomes.csv and failures.csv, the run log), the same 64 bits either way.
 */
final class SeedConverter implements CommandLine.ITypeConverter<Long> {
  @Override
  public Long convert(String value) {
    String v = value.strip();
    try {
      return v.startsWith("-") ? Long.parseLong(v) : Long.parseUnsignedLong(v);
    } catch (NumberFormatException e) {
      throw new CommandLine.TypeConversionException(
          "'"
              + value
              + "' is not a seed: give a whole number from -9223372036854775808 to 18446744073709551615");
    }
  }
}
