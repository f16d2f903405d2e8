// The locale system: an unknown lang renders in the default locale, and a
// message a locale's table lacks comes from the default locale's table.
import { describe, expect, it } from 'vitest';
import { type PartialTable, withFallback } from '../../src/i18n/fallback.ts';
import { defaultLocale, loadUi, locales, toLocale } from '../../src/i18n/index.ts';
import { uiTables } from '../../src/i18n/ui/index.ts';
import { ja, type UiMessages } from '../../src/i18n/ui/ja.ts';

describe('locales', () => {
  it('lists Japanese first, as the default', () => {
    expect(locales[0]).toBe('ja');
    expect(defaultLocale).toBe('ja');
  });

  it('maps a lang it does not know to the default locale', () => {
    expect(toLocale('en')).toBe('en');
    expect(toLocale('ja')).toBe('ja');
    expect(toLocale('fr')).toBe('ja');
    expect(toLocale('EN')).toBe('ja');
    expect(toLocale(undefined)).toBe('ja');
    expect(toLocale('')).toBe('ja');
  });
});

describe('message tables', () => {
  it('fills a partial third locale from the default locale, message by message', () => {
    // A locale being translated: one message of one group, nothing else.
    const fr: PartialTable<UiMessages> = {
      exercise: { run: 'Exécuter', passedOf: (n, m) => `${n} sur ${m} vérifications réussies` },
    };
    const t = withFallback(ja, fr);
    expect(t.exercise.run).toBe('Exécuter');
    expect(t.exercise.passedOf(2, 3)).toBe('2 sur 3 vérifications réussies');
    // Left out: the same group's other messages, and whole groups.
    expect(t.exercise.reset).toBe('リセット');
    expect(t.exercise.back(4)).toBe('← 第 4 章に戻る');
    expect(t.playground.send).toBe('送る');
    expect(t.diagrams.parts['kube-proxy']).toBe(ja.diagrams.parts['kube-proxy']);
    // The default locale's table is not changed by it.
    expect(ja.exercise.run).toBe('実行');
  });

  it('gives each locale its own words', async () => {
    const [jaWords, enWords] = await Promise.all([loadUi('ja'), loadUi('en')]);
    expect(jaWords.exercise.run).toBe('実行');
    expect(enWords.exercise.run).toBe('Run');
    expect(enWords.diagrams.cluster(3, 9, 2)).toBe('Cluster: 3 nodes, 9 Pods, 2 Services');
    expect(jaWords.diagrams.cluster(3, 9, 2)).toBe(
      'クラスター: ノード 3 台、Pod 9 個、Service 2 個',
    );
  });

  it('says the footer’s licence line as it always read, around its three links', async () => {
    const line = async (locale: 'ja' | 'en') => {
      const f = (await loadUi(locale)).footer;
      return `Routelab${f.code}Apache License 2.0${f.content}CC BY 4.0${f.end}`;
    };
    expect(await line('ja')).toBe(
      'Routelab のコードは Apache License 2.0、教材(章と演習)は CC BY 4.0 で公開しています。',
    );
    expect(await line('en')).toBe(
      'Routelab: code under the Apache License 2.0; course content (chapters and exercises) under CC BY 4.0.',
    );
  });

  it('has no message in another locale that the default locale lacks', async () => {
    for (const locale of locales) {
      const table = (await uiTables[locale]()) as Record<
        string,
        Record<string, unknown> | undefined
      >;
      for (const [group, messages] of Object.entries(table)) {
        expect(Object.keys(ja), `${locale}: group ${group}`).toContain(group);
        for (const key of Object.keys(messages ?? {}))
          expect(
            Object.keys(ja[group as keyof UiMessages]),
            `${locale}: ${group}.${key}`,
          ).toContain(key);
      }
    }
  });

  // A partial table is for a locale being translated; English is not one, and
  // a message it lacked would show in Japanese on an English page.
  it('has every message in English', async () => {
    const table = (await uiTables.en()) as Record<string, Record<string, unknown> | undefined>;
    for (const [group, messages] of Object.entries(ja))
      for (const key of Object.keys(messages))
        expect(table[group]?.[key], `en: ${group}.${key}`).toBeDefined();
  });
});
