// Names in the drawings are cut to the room their box has, counted in Latin
// character widths of the monospace font: a Japanese character takes two.
import { describe, expect, it } from 'vitest';
import { wrap, wrapWords } from '../../src/components/diagrams/cut.ts';
import { cut } from '../../src/components/diagrams/svg.ts';

describe('cut', () => {
  it('keeps a name that fits and cuts a long one with an ellipsis in the last column', () => {
    expect(cut('client', 10)).toBe('client');
    expect(cut('my-app-6d8767d446-vllgp', 10)).toBe('my-app-6d…');
  });

  it('counts a Japanese character as two columns', () => {
    expect(cut('クライアント', 12)).toBe('クライアント');
    expect(cut('クラウドのロードバランサー', 20)).toBe('クラウドのロードバ…');
    expect(cut('Pod のポート', 8)).toBe('Pod の…');
  });
});

describe('wrap: a box’s line on several, not cut', () => {
  it('puts a rule’s target under its path, a listener’s status under it, and a long name in pieces', () => {
    expect(wrap('myapp.example.com/a → my-app-a:4200', 28)).toEqual([
      'myapp.example.com/a',
      '  → my-app-a:4200',
    ]);
    expect(wrap('listener https HTTPS:443 * (2 routes)', 28)).toEqual([
      'listener https HTTPS:443 *',
      '  (2 routes)',
    ]);
    expect(wrap('→ a:1 90%, b:2 10%', 12)).toEqual(['→ a:1 90%,', '  b:2 10%']);
    for (const line of wrap('a-very-long-hostname-without-spaces.example.com/x', 20))
      expect(line.length).toBeLessThanOrEqual(20);
  });
});

describe('wrapWords: a sentence in lines of a column’s width', () => {
  it('breaks at spaces, and between Japanese characters counted two columns each', () => {
    expect(wrapWords('RequestHeaderModifier: set x-team: a', 25)).toEqual([
      'RequestHeaderModifier:',
      'set x-team: a',
    ]);
    const ja = wrapWords(
      'backendRefs の重みは合計 100 のうち 90 が Service default/my-app-a です。',
      25,
    );
    expect(ja.join('').replace(/\s/g, '')).toBe(
      'backendRefsの重みは合計100のうち90がServicedefault/my-app-aです。',
    );
    for (const line of ja) expect(cut(line, 25)).toBe(line);
  });

  it('never starts a line with closing punctuation', () => {
    for (const line of wrapWords('あいうえおかきくけこさしすせそ、たちつてと。', 30))
      expect(line).not.toMatch(/^[、。]/);
  });
});
