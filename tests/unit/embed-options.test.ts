/**
 * Embed options from attributes and URL parameters: defaults, every accepted spelling, and each
 * bad value falling back to its default with a message naming the option, the value and what is
 * allowed.
 */
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_EMBED_OPTIONS,
  EMBED_OPTION_NAMES,
  embedOptionsFromElement,
  embedOptionsFromUrl,
  parseEmbedOptions,
} from '../../src/shared/embed/options.ts';

const STEPS = ['four-islands', 'summit', 'khrushchev-1956', 'missiles'];
const from = (values: Record<string, string>) =>
  parseEmbedOptions((name) => (name in values ? values[name]! : null), STEPS);
const url = (search: string) => embedOptionsFromUrl(new URL(`https://cdn.example.org/kurils/${search}`), STEPS);

describe('parseEmbedOptions', () => {
  it('gives the defaults when nothing is set', () => {
    expect(from({})).toEqual({ options: DEFAULT_EMBED_OPTIONS, problems: [] });
    expect(from({}).options).not.toBe(DEFAULT_EMBED_OPTIONS);
    expect(from({}).options).not.toHaveProperty('start');
    expect(from({}).options).not.toHaveProperty('names');
  });

  it('reads every option', () => {
    expect(
      from({
        start: 'summit',
        theme: 'dark',
        names: 'ja',
        intro: 'false',
        credits: 'hide',
        preview: 'yes',
        'top-offset': '60',
        offline: '',
      }),
    ).toEqual({
      options: {
        start: 'summit',
        theme: 'dark',
        names: 'ja',
        intro: false,
        credits: false,
        preview: true,
        topOffset: 60,
        offline: true,
      },
      problems: [],
    });
  });

  it('accepts any case and surrounding spaces in words, not in step ids', () => {
    expect(from({ theme: ' DARK ', names: 'Ru', intro: 'No', credits: ' 0' }).options).toEqual({
      ...DEFAULT_EMBED_OPTIONS,
      theme: 'dark',
      names: 'ru',
      intro: false,
      credits: false,
    });
    expect(from({ start: ' summit ' }).options.start).toBe('summit');
    const { options, problems } = from({ start: 'Summit' });
    expect(options.start).toBeUndefined();
    expect(problems).toEqual([
      'Ignoring start="Summit": no step has that id (did you mean "summit"?); the steps are four-islands, summit, khrushchev-1956 or missiles; starting at the first step.',
    ]);
  });

  it.each([
    ['true', true],
    ['yes', true],
    ['1', true],
    ['show', true],
    ['', true],
    ['false', false],
    ['no', false],
    ['0', false],
    ['hide', false],
  ])('reads the flag value %j as %s', (value, expected) => {
    expect(from({ intro: value, credits: value, preview: value }).options).toMatchObject({
      intro: expected,
      credits: expected,
      preview: expected,
    });
  });

  it('shows the intro and credits and no preview when their flags are absent', () => {
    expect(from({ theme: 'dark' }).options).toMatchObject({ intro: true, credits: true, preview: false });
  });

  it('treats an empty start, theme or names as not set', () => {
    expect(from({ start: '', theme: ' ', names: '' })).toEqual({ options: DEFAULT_EMBED_OPTIONS, problems: [] });
  });

  it('falls back per option and says what is wrong with each bad value', () => {
    const { options, problems } = from({
      start: 'nowhere',
      theme: 'blue',
      names: 'fr',
      intro: 'maybe',
      credits: 'off',
      preview: 'sometimes',
    });
    expect(options).toEqual(DEFAULT_EMBED_OPTIONS);
    expect(problems).toEqual([
      'Ignoring start="nowhere": no step has that id; the steps are four-islands, summit, khrushchev-1956 or missiles; starting at the first step.',
      'Ignoring theme="blue": use light or dark; using light.',
      'Ignoring names="fr": use both, en, ja or ru; using the story\'s default.',
      'Ignoring intro="maybe": use true, yes, 1, show, false, no, 0 or hide, or the name alone for true; using true.',
      'Ignoring credits="off": use true, yes, 1, show, false, no, 0 or hide, or the name alone for true; using true.',
      'Ignoring preview="sometimes": use true, yes, 1, show, false, no, 0 or hide, or the name alone for true; using false.',
    ]);
  });

  it('keeps the good options when others are bad', () => {
    expect(from({ theme: 'dark', names: 'klingon', start: 'missiles' })).toMatchObject({
      options: { theme: 'dark', start: 'missiles' },
      problems: [expect.stringContaining('names="klingon"')],
    });
  });

  it('quotes odd values so they can be seen, and cuts long ones short', () => {
    expect(from({ theme: 'dark"' }).problems[0]).toContain('theme="dark\\""');
    const long = 'x'.repeat(500);
    const [problem] = from({ theme: long }).problems;
    expect(problem).toContain(`theme="${'x'.repeat(60)}…"`);
    expect(problem!.length).toBeLessThan(150);
  });

  it.each([
    ['60', 60],
    ['60px', 60],
    [' 52.5PX ', 52.5],
    ['0', 0],
    ['300', 300],
  ])('reads top-offset=%j as %s CSS pixels', (value, expected) => {
    expect(from({ 'top-offset': value })).toEqual({
      options: { ...DEFAULT_EMBED_OPTIONS, topOffset: expected },
      problems: [],
    });
  });

  it.each(['-60', '301', '1e9', 'NaN', '60em', '5rem', 'calc(60px)', '60 px', '0x3c'])(
    'refuses top-offset=%j, keeping 0',
    (value) => {
      expect(from({ 'top-offset': value })).toEqual({
        options: DEFAULT_EMBED_OPTIONS,
        problems: [`Ignoring top-offset=${JSON.stringify(value)}: use a number of CSS pixels from 0 to 300; using 0.`],
      });
    },
  );

  it('asks only for the seven option names', () => {
    const asked: string[] = [];
    parseEmbedOptions((name) => (asked.push(name), null), STEPS);
    expect(asked.sort()).toEqual([...EMBED_OPTION_NAMES].sort());
  });
});

describe('embedOptionsFromUrl', () => {
  it("reads the iframe URL's query, ignoring pym's own parameters and the hash", () => {
    expect(url('?embed&theme=dark&start=summit&initialWidth=640&childId=kuril-story-1#missiles')).toEqual({
      options: { ...DEFAULT_EMBED_OPTIONS, theme: 'dark', start: 'summit' },
      problems: [],
    });
  });

  it('takes a bare ?preview as true and decodes values', () => {
    expect(url('?embed&preview').options.preview).toBe(true);
    expect(url('?embed&offline').options.offline).toBe(true);
    expect(url('?embed').options.offline).toBe(false);
    expect(url('?embed&preview=0').options.preview).toBe(false);
    expect(url('?embed&start=khrushchev%2D1956&names=%20en').options).toMatchObject({
      start: 'khrushchev-1956',
      names: 'en',
    });
  });

  it('gives the defaults for the plain embed URL', () => {
    expect(url('?embed')).toEqual({ options: DEFAULT_EMBED_OPTIONS, problems: [] });
  });
});

describe('embedOptionsFromElement', () => {
  it('reads attributes; a bare boolean attribute is true', () => {
    const attributes: Record<string, string> = { preview: '', intro: 'hide', theme: 'dark' };
    const element = { getAttribute: (name: string) => attributes[name] ?? null } as unknown as Element;
    expect(embedOptionsFromElement(element, STEPS)).toEqual({
      options: { ...DEFAULT_EMBED_OPTIONS, preview: true, intro: false, theme: 'dark' },
      problems: [],
    });
  });
});
