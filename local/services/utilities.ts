/**
 * Local Utilities (developers.google.com/apps-script/reference/utilities/utilities). Byte arrays
 * are signed, as Apps Script's Java bytes. sleep() does not block: it advances env.now and the
 * simulated clock, so a job's projected run time includes its waits.
 */
import { createHash, randomUUID } from 'crypto';
import type { LocalEnv } from './env';
import { blobFrom, bufferToSignedBytes, bytesToBuffer, type LocalBlob } from './blob';
import { formatDate } from './format-date';
import { formatString } from './format-string';
import { parseCsv } from './parse-csv';

export const Charset = Object.freeze({ US_ASCII: 'US_ASCII', UTF_8: 'UTF_8' } as const);
export const DigestAlgorithm = Object.freeze({
  MD2: 'MD2', MD5: 'MD5', SHA_1: 'SHA_1', SHA_256: 'SHA_256', SHA_384: 'SHA_384', SHA_512: 'SHA_512',
} as const);
const NODE_DIGEST: Record<string, string> = { MD5: 'md5', SHA_1: 'sha1', SHA_256: 'sha256', SHA_384: 'sha384', SHA_512: 'sha512' };

function toBuffer(data: string | ArrayLike<number>, charset?: string): Buffer {
  if (typeof data === 'string') return Buffer.from(data, charset === 'US_ASCII' ? 'ascii' : 'utf8');
  return bytesToBuffer(data);
}

export class LocalUtilities {
  readonly Charset = Charset;
  readonly DigestAlgorithm = DigestAlgorithm;
  constructor(private readonly env: LocalEnv) {}

  formatDate(date: Date, timeZone: string, format: string): string {
    return formatDate(date, timeZone, format);
  }
  formatString(template: string, ...args: unknown[]): string {
    return formatString(template, ...args);
  }
  getUuid(): string {
    return randomUUID();
  }
  sleep(milliseconds: number): void {
    const ms = Math.max(0, Number(milliseconds) || 0);
    this.env.simulatedMs += ms;
    this.env.now = new Date(this.env.now.getTime() + ms);
  }
  newBlob(data: string | ArrayLike<number>, contentType?: string, name?: string): LocalBlob {
    return blobFrom(this.env, data, contentType, name);
  }
  base64Encode(data: string | ArrayLike<number>, charset?: string): string {
    return toBuffer(data, charset).toString('base64');
  }
  base64EncodeWebSafe(data: string | ArrayLike<number>, charset?: string): string {
    return this.base64Encode(data, charset).replace(/\+/g, '-').replace(/\//g, '_');
  }
  base64Decode(encoded: string): number[] {
    return bufferToSignedBytes(Buffer.from(String(encoded), 'base64'));
  }
  base64DecodeWebSafe(encoded: string): number[] {
    return this.base64Decode(String(encoded).replace(/-/g, '+').replace(/_/g, '/'));
  }
  computeDigest(algorithm: string, value: string | ArrayLike<number>, charset?: string): number[] {
    const alg = NODE_DIGEST[String(algorithm)];
    if (!alg) throw new Error(`Exception: Invalid argument: algorithm (${String(algorithm)})`);
    return bufferToSignedBytes(createHash(alg).update(toBuffer(value, charset)).digest());
  }
  parseCsv(csv: string, delimiter?: string): string[][] {
    return parseCsv(csv, delimiter);
  }
}

export function createUtilities(env: LocalEnv): GoogleAppsScript.Utilities.Utilities {
  return env.counted(new LocalUtilities(env), 'Utilities') as unknown as GoogleAppsScript.Utilities.Utilities;
}
