// A locale's message table may leave out messages (a locale being
// translated); what it leaves out is taken from the default locale's table,
// group by group. Shared by every kind of table (UI, engine messages).

/** A table with any group, or any message of a group, left out. */
export type PartialTable<T> = { [G in keyof T]?: Partial<T[G]> };

/** The complete table: `partial`'s messages over `full`'s. */
export function withFallback<T extends object>(full: T, partial: PartialTable<T> | undefined): T {
  if (!partial) return full;
  const merged = { ...full };
  for (const group of Object.keys(full) as (keyof T)[]) {
    const own = partial[group];
    if (own) merged[group] = { ...full[group], ...own } as T[keyof T];
  }
  return merged;
}
