// The order kube-proxy's nftables tests compare transactions in
// (kubernetes/kubernetes pkg/proxy/nftables/helpers_test.go,
// sortNFTablesTransaction): blank and "#" lines dropped, lines ordered by
// object type (table, chain, rule, set, map, element), then by object name;
// rules of one chain keep the order they were added in, any other lines of one
// object are ordered by their text.

const objectOrder: Record<string, number> = {
  table: 10,
  chain: 9,
  rule: 8,
  set: 7,
  map: 6,
  element: 5,
};

export function sortTransaction(text: string): string {
  const lines = text.split('\n').filter((line) => line !== '' && !line.startsWith('#'));
  const sorted = lines
    .map((line, index) => ({ line, index, words: line.split(' ') }))
    .sort((a, b) => {
      const [ta, tb] = [a.words[1] ?? '', b.words[1] ?? ''];
      if (ta !== tb) return (objectOrder[tb] ?? 0) - (objectOrder[ta] ?? 0);
      const [na, nb] = [a.words[4] ?? '', b.words[4] ?? ''];
      if (na !== nb) return na < nb ? -1 : 1;
      if (ta === 'rule' || a.line === b.line) return a.index - b.index;
      return a.line < b.line ? -1 : 1;
    });
  return sorted.map((l) => l.line).join('\n');
}
