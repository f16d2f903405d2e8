// Draws a node's kube-proxy chains (see rules-layout.ts) as SVG with d3, next
// to the iptables-save text they come from. The trace's path is highlighted in
// both; choosing a chain in the graph scrolls the text to its rules. The text
// is built from text nodes only: rule comments carry names a learner typed.
import { rulesGeometry as g, narrowRules, type RulesLayout } from './rules-layout.ts';
import { appendSvg, cut, fitsAtLeast, rulesBoxHeight } from './svg.ts';

export interface RulesLabels {
  graph: string;
  text: string;
  hidden: (n: number) => string;
  /** Said instead of a graph when the node has no rules at all (kube-proxy stopped). */
  empty: string;
  onPath: string;
  rules: (n: number) => string;
}

export function drawRules(
  container: HTMLElement,
  wide: RulesLayout,
  iptablesSave: string,
  labels: RulesLabels,
): void {
  container.replaceChildren();
  const graph = document.createElement('div');
  graph.className = 'rl-rules-graph';
  // The box a chapter reserved: the same whichever form is drawn.
  graph.style.minHeight = `${rulesBoxHeight(wide)}px`;
  const pre = document.createElement('pre');
  pre.className = 'rl-rules-text';
  pre.tabIndex = 0;
  pre.setAttribute('aria-label', labels.text);
  container.append(graph, pre);
  // A column narrower than the four columns of chains gets the request's
  // chains one under another instead of a graph to scroll sideways.
  const narrow = !fitsAtLeast(graph, wide.width);
  const layout = narrow ? narrowRules(wide) : wide;
  if (layout.chains.length === 0) {
    const note = document.createElement('p');
    note.className = 'rl-rules-empty';
    note.textContent = labels.empty;
    graph.append(note);
  }

  const firstLine = writeRulesText(pre, layout, iptablesSave);

  const svg = appendSvg(graph, 'rl-rules-svg', layout.width, layout.height, labels.graph, narrow);

  drawRuleEdges(svg, layout);
  const chains = drawChains(svg, layout, labels);
  const reveal = (id: string) => {
    const line = firstLine.get(id);
    if (!line) return;
    pre.scrollTop = line.offsetTop - 8;
    for (const el of pre.querySelectorAll('.current')) el.classList.remove('current');
    line.classList.add('current');
  };
  chains.on('click', (_, c) => reveal(c.id));
  // The text opens on the first rule the request matched, not on the filter
  // table. Read in the next frame: offsetTop now would force a layout of the
  // whole page in the middle of drawing it.
  const first = pre.querySelector('mark');
  if (first)
    requestAnimationFrame(() => {
      pre.scrollTop = first.offsetTop - 40;
    });
  chains.on('keydown', (event: KeyboardEvent, c) => {
    if (event.key !== 'Enter' && event.key !== ' ') return;
    event.preventDefault();
    reveal(c.id);
  });

  // Words, not SVG text: they wrap in a narrow column instead of being cut.
  if (layout.hidden > 0) {
    const note = document.createElement('p');
    note.className = 'rl-rules-hidden';
    note.textContent = labels.hidden(layout.hidden);
    graph.append(note);
  }
}

type Svg = ReturnType<typeof appendSvg>;

/**
 * The iptables-save text: runs of plain lines as one text node, matched lines
 * as <mark>. Returns the first line of each drawn chain, where choosing it scrolls.
 */
function writeRulesText(
  pre: HTMLElement,
  layout: RulesLayout,
  iptablesSave: string,
): Map<string, HTMLElement> {
  const matched = new Set(layout.pathRules);
  const drawn = new Set(layout.chains.map((c) => c.id));
  const firstLine = new Map<string, HTMLElement>();
  let run: string[] = [];
  const flush = () => {
    if (run.length > 0) pre.append(document.createTextNode(`${run.join('\n')}\n`));
    run = [];
  };
  for (const line of iptablesSave.split('\n')) {
    // iptables-restore's "-A CHAIN", or nft's "add rule ip kube-proxy CHAIN".
    const chain = /^(?:-A|add rule ip kube-proxy) (\S+)/.exec(line)?.[1];
    if (matched.has(line) || (chain && !firstLine.has(chain) && drawn.has(chain))) {
      flush();
      const el = document.createElement(matched.has(line) ? 'mark' : 'span');
      el.textContent = `${line}\n`;
      if (chain && !firstLine.has(chain)) {
        firstLine.set(chain, el);
        el.dataset.chain = chain;
      }
      pre.append(el);
    } else run.push(line);
  }
  flush();
  return firstLine;
}

function drawRuleEdges(svg: Svg, layout: RulesLayout): void {
  const at = new Map(layout.chains.map((c) => [c.id, c]));
  svg
    .append('g')
    .attr('class', 'rl-rules-edges')
    .selectAll('path')
    .data(layout.edges)
    .join('path')
    .attr('class', (e) => (e.onPath ? 'on-path' : ''))
    .attr('d', (e) => {
      const a = at.get(e.from);
      const b = at.get(e.to);
      if (!a || !b) return '';
      if (a.column === b.column) {
        const x = a.x + 12;
        return `M${x},${a.y + g.chainHeight} L${x},${b.y}`;
      }
      const x1 = a.x + g.chainWidth;
      const y1 = a.y + g.chainHeight / 2;
      const x2 = b.x;
      const y2 = b.y + g.chainHeight / 2;
      const mid = (x1 + x2) / 2;
      return `M${x1},${y1} C${mid},${y1} ${mid},${y2} ${x2},${y2}`;
    })
    .append('title')
    .text((e) => `${e.from} → ${e.to}${e.probability ? ` (--probability ${e.probability})` : ''}`);
}

function drawChains(svg: Svg, layout: RulesLayout, labels: RulesLabels) {
  const chains = svg
    .append('g')
    .selectAll('g')
    .data(layout.chains)
    .join('g')
    .attr('class', (c) => `rl-rules-chain${c.onPath ? ' on-path' : ''}`)
    .attr('tabindex', 0)
    .attr('role', 'img')
    .attr(
      'aria-label',
      (c) => `${c.id} ${c.label}, ${labels.rules(c.rules)}${c.onPath ? `, ${labels.onPath}` : ''}`,
    )
    .attr('transform', (c) => `translate(${c.x},${c.y})`);
  chains.append('rect').attr('width', g.chainWidth).attr('height', g.chainHeight).attr('rx', 5);
  chains
    .append('text')
    .attr('class', 'title')
    .attr('x', 7)
    .attr('y', 15)
    // nftables chain names run to 60 characters; the full name is the title.
    .text((c) => cut(c.id, 30));
  chains
    .append('text')
    .attr('x', 7)
    .attr('y', 30)
    .text((c) => cut(c.label, 30));
  chains.append('title').text((c) => `${c.id}\n${c.label}`);
  return chains;
}
