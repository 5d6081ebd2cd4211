import { describe, expect, it } from 'vitest';
import { fromBrowser } from '../../../web/i18n';

describe('the first language', () => {
  it('follows the browser where it prefers a language we speak', () => {
    expect(fromBrowser(['en-GB', 'en'])).toBe('en');
    expect(fromBrowser(['nl-BE', 'en'])).toBe('nl');
    expect(fromBrowser(['de-DE', 'en-US'])).toBe('en');
    expect(fromBrowser(['EN'])).toBe('en');
  });
  it('is Dutch when the browser prefers none of ours, or says nothing', () => {
    expect(fromBrowser(['de-DE', 'fr'])).toBe('nl');
    expect(fromBrowser([])).toBe('nl');
  });
});
