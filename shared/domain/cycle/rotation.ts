/**
 * The host rotation of one zone for one year: which commune hosts the zone's briefing in
 * each month.
 *
 * Priorities, strongest first:
 * 1. Evenness (hard): every commune hosts ⌊12/N⌋ or ⌈12/N⌉ times, so max − min ≤ 1.
 *    The practice's rule is "every commune hosts 2 to 3 times a year"; it is not negotiable.
 * 2. No commune hosts two months running, December of the previous year included (hard
 *    whenever the zone has two or more communes, which always makes it avoidable). The
 *    practice states it as a rule of the rotation, while registrations are honoured "when
 *    they can be"; so a commune wishing March and April gets one of them, and last
 *    December's host does not get January.
 * 3. As many registered months honoured as 1 and 2 allow, found by an exact branch-and-bound
 *    search over the 12 months.
 * 4. Among equally good plans, month by month: a commune that wished the month, then the one
 *    that has hosted least, then longest ago, then the zone's order; with no registrations
 *    that is a plain round robin.
 */

export interface HostingWish {
  readonly communeId: string;
  /** Months 1..12 the commune registered to host. */
  readonly months: readonly number[];
}

export interface RotationInput {
  readonly year: number;
  /** The zone's communes in a stable order; it breaks ties. */
  readonly communeIds: readonly string[];
  /** Registrations; unknown communes and months are ignored, conflicts are resolved. */
  readonly wishes: readonly HostingWish[];
  /** Host of December of the previous year, so the year boundary is not back-to-back. */
  readonly previousHost?: string;
}

export interface RotationPlan {
  readonly year: number;
  /** Exactly 12 commune ids; `hosts[0]` is January. */
  readonly hosts: readonly string[];
}

const MONTHS = 12;
/** Marks "no constraining previous host" in the search tables. */
const NONE = -1;

/** Plans the year's rotation of one zone; deterministic, whatever the order of `wishes`. */
export function planRotation(input: RotationInput): RotationPlan {
  const { year, communeIds } = input;
  if (!Number.isInteger(year)) throw new RangeError(`Year must be an integer, got ${year}`);
  if (communeIds.length === 0) throw new RangeError('A zone needs at least one commune to plan a rotation');
  if (new Set(communeIds).size !== communeIds.length) throw new RangeError('A zone lists a commune twice');
  const previousHost = input.previousHost === undefined ? NONE : communeIds.indexOf(input.previousHost);
  const search = new RotationSearch(wishMasks(communeIds, input.wishes), previousHost);
  return { year, hosts: search.run().map((index) => communeIds[index] as string) };
}

/** Swaps the hosts of months `a` and `b` (1..12), returning a new plan; evenness is kept. */
export function swapMonths(plan: RotationPlan, a: number, b: number): RotationPlan {
  for (const month of [a, b]) {
    if (!Number.isInteger(month) || month < 1 || month > MONTHS) throw new RangeError(`Month ${month} is not 1..12`);
  }
  const hosts = [...plan.hosts];
  [hosts[a - 1], hosts[b - 1]] = [plan.hosts[b - 1] as string, plan.hosts[a - 1] as string];
  return { year: plan.year, hosts };
}

/**
 * How many months each commune hosts. Communes listed in `communeIds` appear even when they
 * host nothing, which is what an evenness check must count.
 */
export function hostingCounts(plan: RotationPlan, communeIds: readonly string[] = []): Map<string, number> {
  const counts = new Map<string, number>(communeIds.map((id) => [id, 0]));
  for (const host of plan.hosts) counts.set(host, (counts.get(host) ?? 0) + 1);
  return counts;
}

/** How many distinct registered (commune, month) pairs the plan honours. */
export function countHonouredWishes(plan: RotationPlan, wishes: readonly HostingWish[]): number {
  const honouredMonths = new Set<number>();
  for (const wish of wishes) {
    for (const month of wish.months) {
      if (plan.hosts[month - 1] === wish.communeId) honouredMonths.add(month);
    }
  }
  return honouredMonths.size;
}

/** Whether some commune hosts two months running, counting `previousHost` as last December's host. */
export function hasBackToBack(plan: RotationPlan, previousHost?: string): boolean {
  return plan.hosts.some((host, index) => host === (index === 0 ? previousHost : plan.hosts[index - 1]));
}

/**
 * Whether a zone can go a year without back-to-back hosting. With two or more communes it
 * always can: an even share is at most 6 months, which alternation fits, and when two
 * communes share 6 each the previous host simply takes the even months.
 */
export function canAvoidBackToBack(communeIds: readonly string[]): boolean {
  return new Set(communeIds).size >= 2;
}

/** Bit `m` of a commune's mask is set when it registered month `m + 1`. */
function wishMasks(communeIds: readonly string[], wishes: readonly HostingWish[]): number[] {
  const masks = communeIds.map(() => 0);
  for (const wish of wishes) {
    const index = communeIds.indexOf(wish.communeId);
    if (index === NONE) continue;
    for (const month of wish.months) {
      if (Number.isInteger(month) && month >= 1 && month <= MONTHS)
        masks[index] = (masks[index] ?? 0) | (1 << (month - 1));
    }
  }
  return masks;
}

/**
 * Branch and bound over the months in calendar order. Evenness and adjacency are checked
 * exactly at every step (a node is only opened when the rest of the year can still be
 * completed), so the first leaf is a valid plan and later leaves only replace it when they
 * honour strictly more wishes.
 */
class RotationSearch {
  private readonly size: number;
  private readonly base: number;
  /** How many communes host once more than `base`. */
  private readonly extras: number;
  private readonly hosts: number[] = [];
  private readonly counts: number[];
  private readonly lastHosted: number[];
  private extrasUsed = 0;
  private best: number[] = [];
  private bestHonoured = -1;
  /** The root's bound: reaching it ends the search early. */
  private ceiling = MONTHS;
  /** `adjacencyBound[m][p + 1]`: most wishes months m.. can honour after host p, capacities ignored. */
  private readonly adjacencyBound: number[][];
  /** `spacedWishes[c][m][blocked]`: most of c's wishes in months m.. with none two running. */
  private readonly spacedWishes: number[][][];

  constructor(
    private readonly wished: readonly number[],
    private readonly previousHost: number,
  ) {
    this.size = wished.length;
    this.base = Math.floor(MONTHS / this.size);
    this.extras = MONTHS % this.size;
    this.counts = wished.map(() => 0);
    this.lastHosted = wished.map(() => NONE);
    this.adjacencyBound = this.buildAdjacencyBound();
    this.spacedWishes = wished.map((mask) => buildSpacedWishes(mask));
  }

  run(): number[] {
    // A lone commune hosts every month; back-to-back is unavoidable there.
    if (this.size === 1) return Array.from({ length: MONTHS }, () => 0);
    this.ceiling = this.upperBound(0, this.previousHost);
    this.visit(0, 0);
    return this.best;
  }

  private visit(month: number, honoured: number): void {
    if (month === MONTHS) {
      if (honoured > this.bestHonoured) {
        this.bestHonoured = honoured;
        this.best = [...this.hosts];
      }
      return;
    }
    if (this.bestHonoured === this.ceiling) return;
    const previous = month === 0 ? this.previousHost : (this.hosts[month - 1] as number);
    if (honoured + this.upperBound(month, previous) <= this.bestHonoured) return;
    const tried = new Set<string>();
    for (const commune of this.candidates(month, previous)) {
      // Communes alike in count and remaining wishes lead to mirror-image subtrees.
      const signature = `${this.counts[commune]}:${(this.wished[commune] as number) >> month}`;
      if (tried.has(signature)) continue;
      tried.add(signature);
      const gain = this.wishes(commune, month) ? 1 : 0;
      this.place(month, commune);
      if (this.completable(month + 1, commune)) this.visit(month + 1, honoured + gain);
      this.unplace(month, commune);
    }
  }

  /** Communes allowed to host `month`, wishers first, then least hosted, longest ago, zone order. */
  private candidates(month: number, previous: number): number[] {
    const allowed: number[] = [];
    for (let commune = 0; commune < this.size; commune++) {
      if (commune !== previous && this.roomFor(commune) > 0) allowed.push(commune);
    }
    const rank = (commune: number) => (this.wishes(commune, month) ? 0 : 1);
    return allowed.sort(
      (a, b) =>
        rank(a) - rank(b) ||
        (this.counts[a] as number) - (this.counts[b] as number) ||
        (this.lastHosted[a] as number) - (this.lastHosted[b] as number) ||
        a - b,
    );
  }

  private wishes(commune: number, month: number): boolean {
    return (((this.wished[commune] as number) >> month) & 1) === 1;
  }

  /** How many more months the commune may still host without breaking evenness. */
  private roomFor(commune: number): number {
    const count = this.counts[commune] as number;
    if (count > this.base) return 0;
    return this.base - count + (this.extrasUsed < this.extras ? 1 : 0);
  }

  private place(month: number, commune: number): void {
    this.hosts[month] = commune;
    this.counts[commune] = (this.counts[commune] as number) + 1;
    if (this.counts[commune] === this.base + 1) this.extrasUsed++;
    this.lastHosted[commune] = month;
  }

  private unplace(month: number, commune: number): void {
    if (this.counts[commune] === this.base + 1) this.extrasUsed--;
    this.counts[commune] = (this.counts[commune] as number) - 1;
    this.hosts.length = month;
    this.lastHosted[commune] = this.hosts.lastIndexOf(commune);
  }

  /**
   * Whether months `from`.. can be filled evenly with nobody hosting twice running. Demands d
   * over L months with a forbidden first host p fit iff every d ≤ ⌈L/2⌉ and d(p) ≤ ⌊L/2⌋; the
   * spare "+1" shares go to communes that stay within that limit.
   */
  private completable(from: number, previous: number): boolean {
    const left = MONTHS - from;
    let spareTakers = 0;
    for (let commune = 0; commune < this.size; commune++) {
      const count = this.counts[commune] as number;
      if (count > this.base) continue;
      const limit = commune === previous ? Math.floor(left / 2) : Math.ceil(left / 2);
      const demand = this.base - count;
      if (demand > limit) return false;
      if (demand + 1 <= limit) spareTakers++;
    }
    return spareTakers >= this.extras - this.extrasUsed;
  }

  /**
   * The most wishes months `month`.. can still honour. Two relaxations, each exact for what it
   * keeps: a flow over (month → wishing commune) that respects every commune's share (the
   * minimum share is free, the "+1" shares draw on the spare budget) and its spaced wishes,
   * and a walk over the months that respects adjacency but not shares.
   */
  private upperBound(month: number, previous: number): number {
    const communeNode = (commune: number) => 1 + MONTHS + commune;
    const spare = 1 + MONTHS + this.size;
    const sink = spare + 1;
    const network = new FlowNetwork(sink + 1);
    for (let commune = 0; commune < this.size; commune++) {
      const count = this.counts[commune] as number;
      const spaced = this.spacedWishes[commune]?.[month]?.[commune === previous ? 1 : 0] ?? 0;
      const capacity = Math.min(this.roomFor(commune), spaced);
      const share = Math.min(capacity, Math.max(0, this.base - count));
      network.connect(communeNode(commune), sink, share);
      network.connect(communeNode(commune), spare, capacity - share);
      for (let later = month; later < MONTHS; later++) {
        if (this.wishes(commune, later)) network.connect(1 + later, communeNode(commune), 1);
      }
    }
    for (let later = month; later < MONTHS; later++) network.connect(0, 1 + later, 1);
    network.connect(spare, sink, this.extras - this.extrasUsed);
    const byShares = network.maxFlow(0, sink);
    return Math.min(byShares, this.adjacencyBound[month]?.[previous + 1] ?? 0);
  }

  private buildAdjacencyBound(): number[][] {
    const table = Array.from({ length: MONTHS + 1 }, () => new Array<number>(this.size + 1).fill(0));
    for (let month = MONTHS - 1; month >= 0; month--) {
      const row = table[month] as number[];
      const next = table[month + 1] as number[];
      for (let previous = NONE; previous < this.size; previous++) {
        let best = next[0] as number;
        for (let commune = 0; commune < this.size; commune++) {
          if (commune !== previous && this.wishes(commune, month))
            best = Math.max(best, 1 + (next[commune + 1] as number));
        }
        row[previous + 1] = best;
      }
    }
    return table;
  }
}

/** For each start month and whether that month is blocked: the largest set of wished months with no two adjacent. */
function buildSpacedWishes(mask: number): number[][] {
  const table: number[][] = [];
  for (let month = 0; month <= MONTHS; month++) {
    table.push([0, 1].map((blocked) => spacedCount(mask, month + blocked)));
  }
  return table;
}

/** Greedy earliest-first is optimal for picking non-adjacent points on a line. */
function spacedCount(mask: number, from: number): number {
  let count = 0;
  for (let month = from; month < MONTHS; month++) {
    if ((mask >> month) & 1) {
      count++;
      month++;
    }
  }
  return count;
}

/** A tiny unit-augmenting max-flow; the rotation's networks have ~25 nodes and flows ≤ 12. */
class FlowNetwork {
  private readonly capacity: Int16Array;

  constructor(private readonly nodes: number) {
    this.capacity = new Int16Array(nodes * nodes);
  }

  connect(from: number, to: number, capacity: number): void {
    this.capacity[from * this.nodes + to] = (this.capacity[from * this.nodes + to] as number) + capacity;
  }

  maxFlow(source: number, sink: number): number {
    const seen = new Uint8Array(this.nodes);
    const augment = (node: number): boolean => {
      if (node === sink) return true;
      seen[node] = 1;
      for (let next = 0; next < this.nodes; next++) {
        const edge = node * this.nodes + next;
        if (seen[next] === 0 && (this.capacity[edge] as number) > 0 && augment(next)) {
          this.capacity[edge] = (this.capacity[edge] as number) - 1;
          const back = next * this.nodes + node;
          this.capacity[back] = (this.capacity[back] as number) + 1;
          return true;
        }
      }
      return false;
    };
    let flow = 0;
    while (augment(source)) {
      flow++;
      seen.fill(0);
    }
    return flow;
  }
}
