package org.eseal.core.ses;

/**
 * A GB/T 38540-2020 electronic seal structure ({@code SES_Seal}): header, seal id, property,
 * picture, certificate list and validity, signed by the seal maker. PLACEHOLDER: to be filled in.
 */
public final class SesSeal {
  private SesSeal() {}
}
