package org.eseal.core;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;
import org.eseal.core.ses.SesSeal;

/**
 * An electronic seal as issued by the platform: who owns it, what it is for, how it looks, how long
 * it is valid, the certificate of its key, and its GB/T 38540 structure signed by the seal maker.
 *
 * @param id the platform's seal code (also the {@code esID} of the structure)
 * @param owner the organization the seal belongs to
 * @param kind what the seal is for
 * @param image the seal picture
 * @param validity when the seal may be used
 * @param certificateChain the seal key's certificate first, then its issuers
 * @param status the seal's state when this value was made
 * @param structure the GB/T 38540 seal structure the maker signed
 */
public record Seal(
    String id,
    Organization owner,
    SealKind kind,
    SealImage image,
    Validity validity,
    List<X509Certificate> certificateChain,
    SealStatus status,
    SesSeal structure) {

  /** Checks every field is present and copies the chain. */
  public Seal {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(image, "image");
    Objects.requireNonNull(validity, "validity");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(structure, "structure");
    certificateChain = List.copyOf(certificateChain);
    if (certificateChain.isEmpty()) {
      throw new IllegalArgumentException("certificateChain must hold the seal's certificate");
    }
  }

  /** The seal key's own certificate. */
  public X509Certificate certificate() {
    return certificateChain.get(0);
  }

  /** A copy of this seal with another status. */
  public Seal withStatus(SealStatus newStatus) {
    return new Seal(id, owner, kind, image, validity, certificateChain, newStatus, structure);
  }
}
