import { describe, expect, it } from 'vitest';
import { contentDisposition } from './contentDisposition.js';

describe('contentDisposition', () => {
  it('keeps a plain name as it is', () => {
    expect(contentDisposition('inline', 'besluit.pdf')).toBe(
      `inline; filename="besluit.pdf"; filename*=UTF-8''besluit.pdf`,
    );
  });

  it('gives a name with accents, quotes and a header break an ASCII fallback and the exact UTF-8 form', () => {
    // given a name a user might choose, and one that tries to inject a header
    const header = contentDisposition('attachment', 'Beschikking "café" (1).docx');
    const injected = contentDisposition('attachment', 'a"\r\nSet-Cookie: x=1.txt');
    // then quotes and non-ASCII are replaced in the fallback and percent-encoded in filename*
    expect(header).toBe(
      `attachment; filename="Beschikking _caf__ (1).docx"; filename*=UTF-8''Beschikking%20%22caf%C3%A9%22%20%281%29.docx`,
    );
    expect(injected).not.toMatch(/[\r\n]/);
  });
});
