/**
 * Transparency log primitives: RFC 9162 Merkle trees and proofs, and the C2SP formats built on them
 * (signed notes, checkpoints, witness cosignatures, witness policies and offline proofs).
 *
 * <p>Entry points: {@link org.eseal.core.tlog.MerkleTree} for roots and proofs, {@link
 * org.eseal.core.tlog.Note} with {@link org.eseal.core.tlog.SignerKey} and {@link
 * org.eseal.core.tlog.VerifierKey} for signed notes, {@link org.eseal.core.tlog.Checkpoint}, {@link
 * org.eseal.core.tlog.WitnessPolicy} to decide whether a checkpoint is trusted, and {@link
 * org.eseal.core.tlog.TlogProof} for offline proofs of inclusion. Every value is immutable.
 */
package org.eseal.core.tlog;
