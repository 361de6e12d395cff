/**
 * Present mode's URLs: which view a URL asks for, the URL of each view at a step (other query
 * parameters kept as written), and the step a hash names.
 */
import { describe, expect, it } from 'vitest';
import { indexFromHash, urlFor, viewFromUrl } from '../../src/shared/present/url.ts';

const page = (path: string) => new URL(path, 'https://example.org/kurils/');

describe('viewFromUrl', () => {
  it('is the story by default', () => {
    expect(viewFromUrl(page('./'))).toBe('story');
    expect(viewFromUrl(page('./?embed=1#summit'))).toBe('story');
  });

  it('reads the present and speaker flags, with or without a value', () => {
    expect(viewFromUrl(page('./?present'))).toBe('present');
    expect(viewFromUrl(page('./?present=1#summit'))).toBe('present');
    expect(viewFromUrl(page('./?embed=1&present'))).toBe('present');
    expect(viewFromUrl(page('./?speaker#summit'))).toBe('speaker');
  });

  it('lets speaker win over present', () => {
    expect(viewFromUrl(page('./?present&speaker'))).toBe('speaker');
    expect(viewFromUrl(page('./?speaker&present'))).toBe('speaker');
  });

  it('does not mistake look-alike parameters or the hash for a flag', () => {
    expect(viewFromUrl(page('./?presenter=1'))).toBe('story');
    expect(viewFromUrl(page('./?x=present'))).toBe('story');
    expect(viewFromUrl(page('./#present'))).toBe('story');
  });
});

describe('urlFor', () => {
  it('sets the flag and the step', () => {
    expect(urlFor('present', 'summit', page('./'))).toBe('https://example.org/kurils/?present#summit');
    expect(urlFor('speaker', 'china', page('./'))).toBe('https://example.org/kurils/?speaker#china');
  });

  it('keeps the other query parameters as written, in order', () => {
    expect(urlFor('present', 'summit', page('./?embed=1&names=ja'))).toBe(
      'https://example.org/kurils/?embed=1&names=ja&present#summit',
    );
    expect(urlFor('present', 'a', page('./?q=a%20b&r=c+d'))).toBe(
      'https://example.org/kurils/?q=a%20b&r=c+d&present#a',
    );
  });

  it('replaces one view by another, and drops both for the story', () => {
    expect(urlFor('speaker', 'panov', page('./?present&embed=1#summit'))).toBe(
      'https://example.org/kurils/?embed=1&speaker#panov',
    );
    expect(urlFor('present', 'panov', page('./?speaker=1&present=&embed=1'))).toBe(
      'https://example.org/kurils/?embed=1&present#panov',
    );
    expect(urlFor('story', 'panov', page('./?present#summit'))).toBe('https://example.org/kurils/#panov');
    expect(urlFor('story', 'panov', page('./?embed=1&present'))).toBe('https://example.org/kurils/?embed=1#panov');
  });

  it('replaces the hash, or removes it when there is no step', () => {
    expect(urlFor('present', 'china', page('./?present#summit'))).toBe('https://example.org/kurils/?present#china');
    expect(urlFor('present', null, page('./#summit'))).toBe('https://example.org/kurils/?present');
    expect(urlFor('story', null, page('./?present#summit'))).toBe('https://example.org/kurils/');
  });

  it('keeps a look-alike parameter and an encoded flag is still a flag', () => {
    expect(urlFor('present', 's', page('./?presenter=1'))).toBe('https://example.org/kurils/?presenter=1&present#s');
    expect(urlFor('story', 's', page('./?%70resent'))).toBe('https://example.org/kurils/#s');
  });

  it('never throws on a malformed escape in the query or the hash', () => {
    expect(urlFor('present', 's', page('./?%&x=%E0%A4%A#%'))).toBe(
      'https://example.org/kurils/?%&x=%E0%A4%A&present#s',
    );
    expect(viewFromUrl(page('./?%E0%A4%A#%'))).toBe('story');
  });

  it('round-trips through viewFromUrl and indexFromHash', () => {
    const steps = [{ id: 'summit' }, { id: 'peace-treaty' }];
    for (const view of ['story', 'present', 'speaker'] as const) {
      const url = new URL(urlFor(view, 'peace-treaty', page('./?embed=1')));
      expect(viewFromUrl(url)).toBe(view);
      expect(indexFromHash(url.hash, steps)).toBe(1);
      expect(url.searchParams.get('embed')).toBe('1');
    }
  });
});

describe('indexFromHash', () => {
  const steps = [{ id: 'summit' }, { id: 'peace-treaty' }, { id: 'two-of-four' }];

  it('finds the step a hash names, with or without #', () => {
    expect(indexFromHash('#summit', steps)).toBe(0);
    expect(indexFromHash('two-of-four', steps)).toBe(2);
    expect(indexFromHash('#peace%2Dtreaty', steps)).toBe(1);
  });

  it('is -1 for no hash, an unknown id or a malformed escape', () => {
    expect(indexFromHash('', steps)).toBe(-1);
    expect(indexFromHash('#', steps)).toBe(-1);
    expect(indexFromHash('#nowhere', steps)).toBe(-1);
    expect(indexFromHash('#%E0%A4%A', steps)).toBe(-1);
    expect(indexFromHash('#%', steps)).toBe(-1);
    expect(indexFromHash('%E0%A4%A', steps)).toBe(-1);
  });
});
