import { describe, expect, it } from 'vitest';
import { classifyUrl, isExportableUrl, isStorableUrl } from '../../shared/url';

describe('URL policy', () => {
  it.each([
    ['https://example.com/a?b=c#d', 'link', 'ok'],
    ['http://example.com', 'source', 'ok'],
    ['mailto:desk@example.com', 'link', 'ok'],
    ['#sources', 'link', 'ok'],
    ['', 'readAlso', 'empty'],
    ['   ', 'link', 'empty'],
    ['mailto:desk@example.com', 'source', 'unsafe'],
    ['mailto:desk@example.com', 'readAlso', 'unsafe'],
    ['https://', 'link', 'malformed'],
    ['https://exa mple.com', 'link', 'malformed'],
    ['mailto:nobody', 'link', 'malformed'],
    ['example.com/page', 'link', 'unsafe'],
    ['//example.com/page', 'link', 'unsafe'],
    ['ftp://example.com', 'link', 'unsafe'],
    ['javascript:alert(1)', 'link', 'unsafe'],
    ['JaVaScRiPt:alert(1)', 'link', 'unsafe'],
    [' javascript:alert(1)', 'link', 'unsafe'],
    ['java\tscript:alert(1)', 'link', 'unsafe'],
    ['java\u0000script:alert(1)', 'link', 'unsafe'],
    ['\u200bjavascript:alert(1)', 'link', 'unsafe'],
    ['data:text/html,<script>alert(1)</script>', 'link', 'unsafe'],
    ['vbscript:msgbox(1)', 'readAlso', 'unsafe'],
    ['file:///etc/passwd', 'source', 'unsafe'],
    ['https://example.com/p.jpg', 'image', 'ok'],
    ['http://example.com/p.jpg', 'image', 'unsafe'],
    ['assets/photo.jpg', 'image', 'ok'],
    ['assets/sub/photo.jpg', 'image', 'ok'],
    ['assets/../secret.jpg', 'image', 'unsafe'],
    ['assets/./photo.jpg', 'image', 'unsafe'],
    ['/etc/passwd', 'image', 'unsafe'],
    ['assets\\..\\x.jpg', 'image', 'unsafe'],
    ['data:image/png;base64,AAAA', 'image', 'unsafe'],
  ] as const)('%j as %s is %s', (url, context, verdict) => {
    expect(classifyUrl(url, context)).toBe(verdict);
  });

  it('stores malformed URLs of allowed schemes (to be reported) but never exports them', () => {
    expect(isStorableUrl('https://exa mple.com', 'link')).toBe(true);
    expect(isExportableUrl('https://exa mple.com', 'link')).toBe(false);
    expect(isStorableUrl('javascript:x', 'link')).toBe(false);
  });
});
