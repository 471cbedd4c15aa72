package org.eseal.core.tlog;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.eseal.core.ESealException;
import org.eseal.core.ErrorCode;

/**
 * A transparency log trust policy in the C2SP tlog-policy text form: the trusted logs, the known
 * witnesses, groups of witnesses with thresholds, and the quorum a checkpoint's cosignatures must
 * reach.
 *
 * <pre>
 * log example.com/log+0c5a9f3e+AZ...
 * witness w1 w1.example+1a2b3c4d+BB...
 * witness w2 w2.example+...
 * witness w3 w3.example+...
 * group three 2 w1 w2 w3
 * quorum three
 * </pre>
 *
 * <p>Log keys sign checkpoints ({@link KeyType#ED25519} or {@link KeyType#SM2_SM3}); witness keys
 * cosign them ({@link KeyType#COSIGNATURE_V1}). URLs on log and witness lines are accepted and not
 * kept. Immutable and thread-safe.
 */
public final class WitnessPolicy {
  /** The predefined quorum name that needs no cosignature. */
  public static final String NONE = "none";

  private static final int LIMIT = 256;

  private final List<VerifierKey> logs;
  private final Map<String, VerifierKey> witnesses;
  private final Map<String, Group> groups;
  private final String quorum;

  private record Group(int threshold, List<String> members) {}

  private WitnessPolicy(
      List<VerifierKey> logs,
      Map<String, VerifierKey> witnesses,
      Map<String, Group> groups,
      String quorum) {
    this.logs = List.copyOf(logs);
    this.witnesses = Map.copyOf(witnesses);
    this.groups = Map.copyOf(groups);
    this.quorum = quorum;
  }

  /**
   * Reads a policy in the tlog-policy text form.
   *
   * @throws ESealException with {@link ErrorCode#MALFORMED_POLICY} naming the line that breaks the
   *     format: an unknown keyword, a bad key, a duplicate key or name, a name used before it is
   *     defined, a threshold outside 1..n, a group member listed twice, or not exactly one quorum
   *     line
   */
  public static WitnessPolicy parse(String policy) {
    Objects.requireNonNull(policy, "policy");
    List<VerifierKey> logs = new ArrayList<>();
    Map<String, VerifierKey> witnesses = new LinkedHashMap<>();
    Map<String, Group> groups = new LinkedHashMap<>();
    List<byte[]> keys = new ArrayList<>();
    String quorum = null;
    String[] lines = policy.split("\n", -1);
    for (int n = 0; n < lines.length; n++) {
      String line = lines[n];
      // tlog-policy, Character set: tab, newline, 0x20-0x7E and non-ASCII only.
      if (line.chars().anyMatch(c -> (c < 0x20 && c != '\t') || c == 0x7f)) {
        throw malformed(n, "control character");
      }
      String trimmed = line.replaceAll("^[ \t]+|[ \t]+$", "");
      if (trimmed.isEmpty() || trimmed.startsWith("#")) {
        continue;
      }
      String[] t = trimmed.split("[ \t]+");
      switch (t[0]) {
        case "log":
          if (t.length < 2 || t.length > 3) {
            throw malformed(n, "expected 'log <vkey> [<url>]'");
          }
          VerifierKey log = key(n, t[1]);
          if (log.type() == KeyType.COSIGNATURE_V1) {
            throw malformed(n, "a log key must be a checkpoint signing key");
          }
          addKey(n, keys, log);
          logs.add(log);
          break;
        case "witness":
          if (t.length < 3 || t.length > 4) {
            throw malformed(n, "expected 'witness <name> <vkey> [<url>]'");
          }
          checkNewName(n, t[1], witnesses, groups);
          VerifierKey witness = key(n, t[2]);
          if (witness.type() != KeyType.COSIGNATURE_V1) {
            throw malformed(n, "a witness key must be a cosignature/v1 key");
          }
          addKey(n, keys, witness);
          witnesses.put(t[1], witness);
          break;
        case "group":
          if (t.length < 4) {
            throw malformed(n, "expected 'group <name> <all|any|k> <name>...'");
          }
          checkNewName(n, t[1], witnesses, groups);
          List<String> members = Arrays.asList(t).subList(3, t.length);
          for (String member : members) {
            if (!witnesses.containsKey(member) && !groups.containsKey(member)) {
              throw malformed(n, "group member " + member + " is not defined above");
            }
          }
          if (new HashSet<>(members).size() != members.size()) {
            throw malformed(n, "a group lists a member twice");
          }
          groups.put(t[1], new Group(threshold(n, t[2], members.size()), List.copyOf(members)));
          break;
        case "quorum":
          if (t.length != 2) {
            throw malformed(n, "expected 'quorum <name>'");
          }
          if (quorum != null) {
            throw malformed(n, "a policy has exactly one quorum line");
          }
          if (!t[1].equals(NONE) && !witnesses.containsKey(t[1]) && !groups.containsKey(t[1])) {
            throw malformed(n, "quorum " + t[1] + " is not defined above");
          }
          quorum = t[1];
          break;
        default:
          throw malformed(n, "unknown keyword " + t[0]);
      }
      if (logs.size() + witnesses.size() + groups.size() > LIMIT) {
        throw malformed(n, "policy defines more than " + LIMIT + " logs, witnesses and groups");
      }
    }
    if (quorum == null) {
      throw new ESealException(ErrorCode.MALFORMED_POLICY, "policy has no quorum line");
    }
    return new WitnessPolicy(logs, witnesses, groups, quorum);
  }

  /** The trusted log keys. */
  public List<VerifierKey> logs() {
    return logs;
  }

  /** The witnesses by policy name. */
  public Map<String, VerifierKey> witnesses() {
    return witnesses;
  }

  /** The name of the quorum witness or group, or {@link #NONE}. */
  public String quorum() {
    return quorum;
  }

  /**
   * Whether cosignatures from the named witnesses satisfy the quorum: a group is satisfied when at
   * least k of its members are (tlog-policy, Defining a witness group). Unknown names count for
   * nothing.
   */
  public boolean isSatisfiedBy(Collection<String> witnessNames) {
    Set<String> names = Set.copyOf(witnessNames);
    return quorum.equals(NONE) || satisfied(quorum, names);
  }

  private boolean satisfied(String name, Set<String> names) {
    Group group = groups.get(name);
    if (group == null) {
      return witnesses.containsKey(name) && names.contains(name);
    }
    long count = group.members().stream().filter(m -> satisfied(m, names)).count();
    return count >= group.threshold();
  }

  /**
   * Verifies a signed checkpoint against this policy: a trusted log whose key name is the origin
   * signed it, every signature from a known log or witness key verifies, and the verified witnesses
   * reach the quorum.
   *
   * @throws ESealException with {@link ErrorCode#MALFORMED_CHECKPOINT} if the body is not a
   *     checkpoint, {@link ErrorCode#INVALID_NOTE_SIGNATURE} if a known key's signature fails,
   *     {@link ErrorCode#UNTRUSTED_NOTE} if no trusted log key for the origin signed it, or {@link
   *     ErrorCode#QUORUM_NOT_MET} if the cosignatures fall short
   */
  public VerifiedCheckpoint verify(Note note) {
    Objects.requireNonNull(note, "note");
    Checkpoint checkpoint = Checkpoint.parse(note.text());
    // tlog-policy, Defining a log: the log key name is the origin.
    List<VerifierKey> originKeys =
        logs.stream().filter(k -> k.name().equals(checkpoint.origin())).toList();
    if (originKeys.isEmpty()) {
      throw new ESealException(
          ErrorCode.UNTRUSTED_NOTE, "policy has no log for origin " + checkpoint.origin());
    }
    List<VerifierKey> known = new ArrayList<>(originKeys);
    known.addAll(witnesses.values());
    VerifiedNote verified = note.verify(known);
    VerifierKey logKey =
        originKeys.stream()
            .filter(verified::signedBy)
            .findFirst()
            .orElseThrow(
                () ->
                    new ESealException(
                        ErrorCode.UNTRUSTED_NOTE,
                        "no trusted log key signed checkpoint of " + checkpoint.origin()));
    Set<String> cosigners = new HashSet<>();
    witnesses.forEach(
        (name, key) -> {
          if (verified.signedBy(key)) {
            cosigners.add(name);
          }
        });
    if (!isSatisfiedBy(cosigners)) {
      throw new ESealException(
          ErrorCode.QUORUM_NOT_MET,
          "cosignatures from " + cosigners.size() + " witnesses do not satisfy quorum " + quorum);
    }
    return new VerifiedCheckpoint(checkpoint, note, logKey, cosigners);
  }

  private static VerifierKey key(int line, String vkey) {
    try {
      return VerifierKey.parse(vkey);
    } catch (ESealException e) {
      throw new ESealException(
          ErrorCode.MALFORMED_POLICY, "line " + (line + 1) + ": " + e.getMessage(), e);
    }
  }

  private static void addKey(int line, List<byte[]> keys, VerifierKey key) {
    // tlog-policy, Public key representation: duplicates wrap the same public key.
    byte[] raw = key.publicKeyBytes();
    if (keys.stream().anyMatch(k -> Arrays.equals(k, raw))) {
      throw malformed(line, "duplicate public key " + key.name());
    }
    keys.add(raw);
  }

  private static void checkNewName(
      int line, String name, Map<String, VerifierKey> witnesses, Map<String, Group> groups) {
    if (name.equals(NONE) || witnesses.containsKey(name) || groups.containsKey(name)) {
      throw malformed(line, "name " + name + " is reserved or already defined");
    }
  }

  private static int threshold(int line, String text, int n) {
    if (text.equals("all")) {
      return n;
    }
    if (text.equals("any")) {
      return 1;
    }
    long k = Codec.parseDecimal(text);
    if (k < 1 || k > n) {
      throw malformed(line, "threshold must be all, any or 1.." + n + ": " + text);
    }
    return (int) k;
  }

  private static ESealException malformed(int line, String message) {
    return new ESealException(ErrorCode.MALFORMED_POLICY, "line " + (line + 1) + ": " + message);
  }
}
