import { describe, expect, it } from 'vitest';
import { bylineParts, bylineText } from '../../shared/byline';

describe('bylineText / bylineParts: the one byline rule (editor and exports)', () => {
  it('joins one, two, three and more authors', () => {
    expect(bylineText(['Ann Lee'])).toBe('By Ann Lee');
    expect(bylineText(['Ann Lee', 'Bo Chen'])).toBe('By Ann Lee and Bo Chen');
    expect(bylineText(['Ann Lee', 'Bo Chen', 'Cy Diaz'])).toBe('By Ann Lee, Bo Chen and Cy Diaz');
    expect(bylineText(['A', 'B', 'C', 'D'])).toBe('By A, B, C and D');
  });

  it('is empty without a named author; names have their white space collapsed, empty ones dropped', () => {
    expect(bylineText([])).toBe('');
    expect(bylineText(['', '  ', '\n'])).toBe('');
    expect(bylineParts(['  '])).toEqual([]);
    expect(bylineText([' Ann \n Lee ', '', 'Bo\tChen'])).toBe('By Ann Lee and Bo Chen');
  });

  it('marks each part so that writers can style the names', () => {
    expect(bylineParts(['A', 'B', 'C'])).toEqual([
      { kind: 'by', text: 'By ' },
      { kind: 'name', text: 'A' },
      { kind: 'separator', text: ', ' },
      { kind: 'name', text: 'B' },
      { kind: 'separator', text: ' and ' },
      { kind: 'name', text: 'C' },
    ]);
  });
});
