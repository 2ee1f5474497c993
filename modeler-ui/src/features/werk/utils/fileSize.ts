const number = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 1 });

/** Bytes in words a reader knows: "850 bytes", "12,5 kB", "3,2 MB" (1 kB = 1024 bytes, as the server counts). */
export function formatFileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${number.format(bytes / 1024)} kB`;
  return `${number.format(bytes / (1024 * 1024))} MB`;
}

/** The server's limit (MAX_UPLOAD_MB) in bytes. */
export function megabytes(mb: number): number {
  return Math.floor(mb * 1024 * 1024);
}
