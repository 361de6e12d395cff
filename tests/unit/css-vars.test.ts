/** CSS custom properties set through the CSSOM (allowed by a strict CSP), never as a style attribute. */
import { describe, expect, it } from 'vitest';
import { cssVars } from '../../src/app/dom/css-vars.ts';

function fakeElement() {
  const properties = new Map<string, string>();
  const element = {
    style: {
      setProperty: (name: string, value: string) => void properties.set(name, value),
      removeProperty: (name: string) => void properties.delete(name),
    },
    setAttribute: () => {
      throw new Error('a style attribute would be refused by the policy');
    },
  };
  return { element: element as unknown as HTMLElement, properties };
}

describe('cssVars', () => {
  it('sets each value, numbers as written, and removes an undefined one', () => {
    const { element, properties } = fakeElement();
    cssVars({ '--pin-top': '12px', '--progress': 0.25 })(element);
    expect(Object.fromEntries(properties)).toEqual({ '--pin-top': '12px', '--progress': '0.25' });
    cssVars({ '--pin-top': undefined, '--progress': 1 })(element);
    expect(Object.fromEntries(properties)).toEqual({ '--progress': '1' });
  });
});
