package org.eseal.sandbox;

import java.util.Objects;
import org.eseal.core.Organization;

/**
 * What registering a company yields: the company, its e-licence and its official seal.
 *
 * @param organization the registered company
 * @param licence the e-licence the platform signed
 * @param officialSeal the company's official seal (公章) with its key
 */
public record Registration(Organization organization, ELicence licence, IssuedSeal officialSeal) {

  /** Checks that every part is present. */
  public Registration {
    Objects.requireNonNull(organization, "organization");
    Objects.requireNonNull(licence, "licence");
    Objects.requireNonNull(officialSeal, "officialSeal");
  }
}
