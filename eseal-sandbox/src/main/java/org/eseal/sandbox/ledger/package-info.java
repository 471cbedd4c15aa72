/**
 * An in-process verifiable ledger for the sandbox: an append-only Merkle log that publishes signed
 * checkpoints only once enough witnesses cosigned them (C2SP tlog-checkpoint, tlog-witness, RFC
 * 9162), and the witnesses themselves.
 */
package org.eseal.sandbox.ledger;
