import { open } from 'node:fs/promises';
import { fileTypeFromFile } from 'file-type';

/** The formats a document may have, by the media type found in its content. */
export const allowedFormats: Readonly<Record<string, string>> = {
  'application/pdf': 'PDF',
  'image/png': 'PNG',
  'image/jpeg': 'JPEG',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'DOCX',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'XLSX',
  'application/vnd.oasis.opendocument.text': 'ODT',
  'text/plain': 'tekst',
};

/** Shown inline in the browser; everything else is downloaded. */
export const inlineFormats = new Set(['application/pdf', 'image/png', 'image/jpeg']);

const TEXT_SAMPLE_BYTES = 64 * 1024;

/**
 * What the file is, judged by its content and never by the name or the media type the client
 * sent: file-type's magic numbers first; a file it does not recognise counts as plain text when
 * its first 64 KiB are UTF-8 without control characters. Undefined: unknown (binary) content.
 */
export async function sniffFormat(path: string): Promise<{ mime: string } | undefined> {
  const found = await fileTypeFromFile(path);
  if (found) return { mime: found.mime };
  return (await looksLikeText(path)) ? { mime: 'text/plain' } : undefined;
}

async function looksLikeText(path: string): Promise<boolean> {
  const file = await open(path, 'r');
  try {
    const sample = Buffer.alloc(TEXT_SAMPLE_BYTES);
    const { bytesRead } = await file.read(sample, 0, TEXT_SAMPLE_BYTES, 0);
    if (bytesRead === 0) return false;
    // stream: a multi-byte character cut off at the end of the sample is not an error.
    const text = new TextDecoder('utf-8', { fatal: true }).decode(sample.subarray(0, bytesRead), {
      stream: true,
    });
    // eslint-disable-next-line no-control-regex
    return !/[\u0000-\u0008\u000B\u000E-\u001F\u007F]/.test(text);
  } catch {
    return false;
  } finally {
    await file.close();
  }
}

/**
 * Whether the media type the client declared fits what the content is. Browsers send no type or
 * `application/octet-stream` when they do not know; any `text/*` fits plain text (csv, markdown).
 */
export function declaredTypeFits(declared: string | undefined, found: string): boolean {
  const type = (declared ?? '').split(';')[0]!.trim().toLowerCase();
  if (!type || type === 'application/octet-stream') return true;
  if (found === 'text/plain') return type.startsWith('text/');
  return type === found || (found === 'image/jpeg' && type === 'image/jpg');
}
