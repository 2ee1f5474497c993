import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { declaredTypeFits, sniffFormat } from './contentType.js';
import * as samples from './testing/sampleFiles.js';

describe('sniffFormat', () => {
  let directory: string;
  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 'zs-sniff-'));
  });
  afterAll(async () => {
    await rm(directory, { recursive: true, force: true });
  });

  const sniff = async (content: Buffer) => {
    const path = join(directory, crypto.randomUUID());
    await writeFile(path, content);
    return (await sniffFormat(path))?.mime;
  };

  it.each([
    ['pdf', 'application/pdf'],
    ['png', 'image/png'],
    ['jpeg', 'image/jpeg'],
    ['docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    ['xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    ['odt', 'application/vnd.oasis.opendocument.text'],
    ['text', 'text/plain'],
    ['zip', 'application/zip'],
  ] as const)('recognises %s by its content', async (sample, mime) => {
    expect(await sniff(samples[sample])).toBe(mime);
  });

  it('finds nothing in binary data or an empty file', async () => {
    expect(await sniff(samples.binary)).toBeUndefined();
    expect(await sniff(Buffer.alloc(0))).toBeUndefined();
  });
});

describe('declaredTypeFits', () => {
  it('accepts the same type, an unknown one, and any text/* for plain text', () => {
    expect(declaredTypeFits('application/pdf', 'application/pdf')).toBe(true);
    expect(declaredTypeFits(undefined, 'image/png')).toBe(true);
    expect(declaredTypeFits('application/octet-stream', 'image/png')).toBe(true);
    expect(declaredTypeFits('text/csv', 'text/plain')).toBe(true);
    expect(declaredTypeFits('image/jpg', 'image/jpeg')).toBe(true);
  });

  it('refuses a PNG that the client calls a PDF', () => {
    expect(declaredTypeFits('application/pdf', 'image/png')).toBe(false);
    expect(declaredTypeFits('application/pdf', 'text/plain')).toBe(false);
  });
});
