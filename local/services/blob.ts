/**
 * Blob: Apps Script's unit of binary data (mail attachments, PDFs, Utilities.newBlob). Apps
 * Script bytes are Java bytes, i.e. signed -128..127 (developers.google.com/apps-script/reference/
 * base/blob#getBytes), so getBytes() returns signed numbers; `_buffer()` gives Node the raw bytes.
 */
import type { LocalEnv } from './env';

/** Apps Script byte arrays are signed; accept either and make a Buffer. */
export function bytesToBuffer(data: ArrayLike<number>): Buffer {
  return Buffer.from(Array.from(data, (b) => b & 0xff));
}

export function bufferToSignedBytes(buf: Buffer): number[] {
  return Array.from(buf, (b) => (b > 127 ? b - 256 : b));
}

export class LocalBlob {
  readonly _raw = this;
  _proxy!: LocalBlob;
  constructor(
    private readonly env: LocalEnv,
    private data: Buffer,
    private contentType: string | null,
    private name: string | null,
  ) {}

  getBytes(): number[] {
    return bufferToSignedBytes(this.data);
  }
  getDataAsString(charset?: string): string {
    return this.data.toString(charset && /ascii/i.test(charset) ? 'ascii' : 'utf8');
  }
  setDataFromString(s: string): LocalBlob {
    this.data = Buffer.from(s, 'utf8');
    return this._proxy;
  }
  setBytes(bytes: number[]): LocalBlob {
    this.data = bytesToBuffer(bytes);
    return this._proxy;
  }
  getContentType(): string | null {
    return this.contentType;
  }
  setContentType(t: string): LocalBlob {
    this.contentType = t;
    return this._proxy;
  }
  getName(): string | null {
    return this.name;
  }
  setName(n: string): LocalBlob {
    this.name = n;
    return this._proxy;
  }
  isGoogleType(): boolean {
    return false;
  }
  getBlob(): LocalBlob {
    return this._proxy;
  }
  copyBlob(): LocalBlob {
    return makeBlob(this.env, Buffer.from(this.data), this.contentType, this.name);
  }
  /** Local only: the bytes for export (.eml attachments). */
  _buffer(): Buffer {
    return this.data;
  }
}

export function makeBlob(env: LocalEnv, data: Buffer, contentType: string | null, name: string | null): LocalBlob {
  const b = new LocalBlob(env, data, contentType, name);
  b._proxy = env.counted(b, 'Blob');
  return b._proxy;
}

/** Utilities.newBlob's data argument: a string (UTF-8) or an Apps Script byte array. */
export function blobFrom(env: LocalEnv, data: string | ArrayLike<number>, contentType?: string | null, name?: string | null): LocalBlob {
  const buf = typeof data === 'string' ? Buffer.from(data, 'utf8') : bytesToBuffer(data);
  return makeBlob(env, buf, contentType ?? null, name ?? null);
}

/** Anything Apps Script accepts as a BlobSource: a Blob, or an object with getBlob(). */
export function toLocalBlob(src: unknown): LocalBlob {
  const o = src as { _raw?: unknown; getBlob?: () => unknown };
  if (o && o._raw instanceof LocalBlob) return o._raw;
  if (o && typeof o.getBlob === 'function') return toLocalBlob(o.getBlob());
  throw new Error('Exception: Invalid argument: attachments');
}
