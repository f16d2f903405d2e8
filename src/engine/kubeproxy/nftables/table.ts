// The `ip kube-proxy` table as knftables keeps it: chains with their rules,
// sets and verdict maps with their elements. kube-proxy's nftables proxier
// builds one transaction of these objects per sync; its tests read the result
// back from knftables' fake (sigs.k8s.io/knftables fake.go), whose Dump() text
// dump.ts writes.

export interface NftRule {
  /** The rule as kube-proxy writes it (knftables.Concat of its words). */
  rule: string;
  comment?: string;
}

export interface NftChain {
  name: string;
  /** Base chains only: what netfilter hook the chain hangs from, and when. */
  base?: { type: 'filter' | 'nat'; hook: string; priority: number };
  comment?: string;
  rules: NftRule[];
}

export interface NftElement {
  key: string[];
  /** A map element's verdict ("goto service-...", "drop"); empty for a set element. */
  value: string[];
  comment?: string;
}

export interface NftSet {
  name: string;
  type: string;
  flags?: string[];
  /** Seconds. */
  timeout?: number;
  comment?: string;
  elements: NftElement[];
}

export type NftMap = NftSet;

export interface NftTable {
  family: 'ip';
  name: 'kube-proxy';
  comment: string;
  chains: Map<string, NftChain>;
  sets: Map<string, NftSet>;
  maps: Map<string, NftMap>;
}

export function emptyTable(): NftTable {
  return {
    family: 'ip',
    name: 'kube-proxy',
    comment: 'rules for kube-proxy',
    chains: new Map(),
    sets: new Map(),
    maps: new Map(),
  };
}

/** What one sync adds to the table, in the order proxier.go adds it. */
export class Transaction {
  readonly table: NftTable;
  constructor(table: NftTable) {
    this.table = table;
  }

  /** ensureChain/tx.Add(Chain): declared once; a later add keeps its rules. */
  chain(name: string, extra: Omit<NftChain, 'name' | 'rules'> = {}): void {
    if (this.table.chains.has(name)) return;
    this.table.chains.set(name, { name, ...extra, rules: [] });
  }

  rule(chain: string, rule: string, comment?: string): void {
    this.chain(chain);
    this.table.chains.get(chain)?.rules.push(comment === undefined ? { rule } : { rule, comment });
  }

  set(set: Omit<NftSet, 'elements'>): void {
    if (!this.table.sets.has(set.name)) this.table.sets.set(set.name, { ...set, elements: [] });
  }

  map(map: Omit<NftMap, 'elements'>): void {
    if (!this.table.maps.has(map.name)) this.table.maps.set(map.name, { ...map, elements: [] });
  }

  /**
   * nftElementStorage.ensureElem: an element already there with the same
   * value stays where it is; with another value it is deleted and added
   * again (so it moves to the end, as the fake appends it).
   */
  element(container: string, key: string[], value: string[] = [], comment?: string): void {
    const holder =
      value.length > 0 ? this.table.maps.get(container) : this.table.sets.get(container);
    if (!holder) throw new Error(`no set or map ${container}`);
    const element: NftElement = comment === undefined ? { key, value } : { key, value, comment };
    const keys = elementIndex(holder);
    const name = key.join(' . ');
    const existing = keys.get(name);
    keys.set(name, element);
    if (!existing) {
      holder.elements.push(element);
      return;
    }
    if (existing.value.join(' . ') === value.join(' . ')) {
      keys.set(name, existing);
      return;
    }
    holder.elements.splice(holder.elements.indexOf(existing), 1);
    holder.elements.push(element);
  }
}

// A large cluster puts tens of thousands of elements in service-ips: finding
// one by its key must not walk them all.
const indexes = new WeakMap<NftSet, Map<string, NftElement>>();

/** A set's or map's elements by key ("172.30.0.41 . tcp . 80"), built once and kept up to date by Transaction. */
export function elementIndex(holder: NftSet): Map<string, NftElement> {
  let index = indexes.get(holder);
  if (!index) {
    index = new Map(holder.elements.map((e) => [e.key.join(' . '), e]));
    indexes.set(holder, index);
  }
  return index;
}
