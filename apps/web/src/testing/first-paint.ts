import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/**
 * The JavaScript a browser loads before the console can paint anything: the entry script of the
 * built index.html and every chunk it preloads (vite adds a modulepreload link for each chunk the
 * entry imports statically). Screens and vendor parts behind import() are not in it.
 */
export const FIRST_PAINT_BUDGET_BYTES = 550_000;

export interface ChunkSize {
  file: string;
  bytes: number;
  gzipBytes: number;
}

export function firstPaintFiles(indexHtml: string): string[] {
  const entry = [...indexHtml.matchAll(/<script\b[^>]*type="module"[^>]*\bsrc="([^"]+)"/g)].map((match) => match[1]!);
  const preloaded = [...indexHtml.matchAll(/<link\b[^>]*rel="modulepreload"[^>]*\bhref="([^"]+)"/g)].map((match) => match[1]!);
  return [...new Set([...entry, ...preloaded])];
}

/** Sizes of the first paint's files in a built console (minified, and gzipped as served over the wire). */
export function firstPaint(outDir: string): ChunkSize[] {
  return firstPaintFiles(readFileSync(join(outDir, 'index.html'), 'utf8')).map((file) => {
    const content = readFileSync(join(outDir, file.replace(/^\//, '')));
    return { file, bytes: content.length, gzipBytes: gzipSync(content).length };
  });
}

export const kB = (bytes: number): string => `${(bytes / 1000).toFixed(1)} kB`;
