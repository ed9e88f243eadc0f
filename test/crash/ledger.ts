/**
 * What the crash test's clients were told. Every write the server acknowledged (2xx) is recorded with the row's id,
 * version and content; a write whose answer never came (the server was killed) is recorded as "unknown": it may or
 * may not have been committed, and both outcomes are correct.
 */
export interface Acked {
  version: number;
  content: string;
}

interface Resource {
  kind: string;
  id: string;
  acked: Acked[];
  /** Writes sent after the last acknowledged one whose answer never came. */
  unknown: string[];
}

export interface Stored {
  version: number;
  content: string;
}

export interface Problem {
  kind: string;
  id: string;
  detail: string;
}

export class Ledger {
  private readonly resources = new Map<string, Resource>();
  acknowledged = 0;
  unknown = 0;
  conflicts = 0;
  serverErrors: string[] = [];

  private resource(kind: string, id: string): Resource {
    const key = `${kind}:${id}`;
    let r = this.resources.get(key);
    if (!r) {
      r = { kind, id, acked: [], unknown: [] };
      this.resources.set(key, r);
    }
    return r;
  }

  /** The server answered 2xx: this content is stored under this version. */
  ack(kind: string, id: string, version: number, content: string): void {
    const r = this.resource(kind, id);
    r.acked.push({ version, content });
    r.unknown = [];
    this.acknowledged++;
  }

  /** The request was cut off: it may have been committed. */
  attemptLost(kind: string, id: string, content: string): void {
    this.resource(kind, id).unknown.push(content);
    this.unknown++;
  }

  kinds(): Map<string, number> {
    const counts = new Map<string, number>();
    for (const r of this.resources.values()) counts.set(r.kind, (counts.get(r.kind) ?? 0) + r.acked.length);
    return counts;
  }

  entries(): Resource[] {
    return [...this.resources.values()];
  }

  /**
   * Compares what is stored with what was acknowledged. An acknowledged write is lost when its row is missing, the
   * row's version went back below it, or the row still has its version but other content. The row's final content
   * must be the last acknowledged one or one of the unknown writes sent after it.
   */
  verify(lookup: (kind: string, id: string) => Stored | undefined): {
    lost: number;
    checked: number;
    problems: Problem[];
  } {
    let lost = 0;
    let checked = 0;
    const problems: Problem[] = [];
    for (const r of this.resources.values()) {
      if (r.acked.length === 0) continue;
      const stored = lookup(r.kind, r.id);
      for (const a of r.acked) {
        checked++;
        if (!stored) {
          lost++;
          continue;
        }
        if (stored.version < a.version || (stored.version === a.version && stored.content !== a.content)) {
          lost++;
          problems.push({
            kind: r.kind,
            id: r.id,
            detail: `acknowledged v${a.version} ${a.content}; stored v${stored.version} ${stored.content}`,
          });
        }
      }
      if (!stored) {
        problems.push({ kind: r.kind, id: r.id, detail: 'row missing' });
        continue;
      }
      const last = r.acked[r.acked.length - 1]!;
      // Content equal to the last acknowledged write is fine even under a higher version (a comment may bump it).
      const explained =
        (stored.version >= last.version && stored.content === last.content) ||
        (stored.version > last.version && r.unknown.includes(stored.content));
      if (!explained)
        problems.push({
          kind: r.kind,
          id: r.id,
          detail: `final state v${stored.version} ${stored.content} is neither the last acknowledged write (v${last.version} ${last.content}) nor an unanswered one`,
        });
    }
    return { lost, checked, problems };
  }
}
