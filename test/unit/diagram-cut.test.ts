// Names in the drawings are cut to the room their box has, counted in Latin
// character widths of the monospace font: a Japanese character takes two.
import { describe, expect, it } from 'vitest';
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
