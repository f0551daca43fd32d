import { describe, expect, it } from 'vitest';
import { bylineText } from '../../shared/byline';

describe('bylineText', () => {
  it('is empty without authors', () => {
    expect(bylineText([])).toBe('');
    expect(bylineText(['  ', ''])).toBe('');
  });
  it('names one, two and more authors', () => {
    expect(bylineText(['Ana Ruiz'])).toBe('By Ana Ruiz');
    expect(bylineText(['Ana Ruiz', 'Bo Li'])).toBe('By Ana Ruiz and Bo Li');
    expect(bylineText(['A', 'B', 'C'])).toBe('By A, B and C');
    expect(bylineText(['A', 'B', 'C', 'D'])).toBe('By A, B, C and D');
  });
  it('trims names and leaves out blank ones', () => {
    expect(bylineText([' A ', '', 'B'])).toBe('By A and B');
  });
});
